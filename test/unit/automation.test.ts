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

it('reads a legacy card for "Workflow Card Added or Moved": its updated date tells a repeat from a redelivery', () => {
	const trigger = AUTOMATION_TRIGGERS['wix_workflows-card_added_or_moved'];
	expect(trigger.echo).toBeUndefined();
	expect(trigger.entityRequest?.({ cardId: 'k1' }).path).toBe('/workflows/v1/cards/k1');
	expect(trigger.entityId?.({ cardId: 'k1' })).toBe('k1');
	expect(trigger.entityId?.({})).toBeUndefined();
	expect(trigger.revisionOf?.({ info: { updatedDate: '2026-01-01T00:00:00.000Z' } })).toBe(
		'2026-01-01T00:00:00.000Z',
	);
	// An archived card answers `{}`: no revision, the body alone decides.
	expect(trigger.revisionOf?.({})).toBeUndefined();
});
