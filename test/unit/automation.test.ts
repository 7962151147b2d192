// The Automation mode's Ignore Own Writes: which deliveries may be taken for our own writes.
import { AUTOMATION_TRIGGERS } from '../../nodes/Wix/Trigger/automation';

it('never takes a label change for ours: the contact read later may carry a later write of ours', () => {
	for (const key of ['contacts-label_added_to_contact', 'contacts-label_removed_from_contact']) {
		expect(AUTOMATION_TRIGGERS[key].echo).toBeUndefined();
		// The contact is still read, for its revision (a real repeat is not a redelivery).
		expect(AUTOMATION_TRIGGERS[key].entityRequest?.({ contactId: 'c1' }).path).toBe(
			'/contacts/v4/contacts/c1',
		);
	}
	expect(AUTOMATION_TRIGGERS['contacts-new_contact_was_created'].echo).toBeDefined();
});
