/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Writes whose answer is lost after Wix saved them, in a real n8n: the run reports them done and
// the site holds exactly what one write makes (no duplicate contact, no "not found" for a delete
// that happened).
import { admin, wix } from '../helpers/sandbox';
import { contactsNode, e2e, manualWorkflow, nodeOutput } from './fixtures';

const { sandbox, n8n } = e2e();

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
});

const contacts = async () => (await admin(sandbox, 'GET', '/state')).contacts as any[];

test('creates (name only, and with Allow Duplicates) and a delete whose answers are lost', async () => {
	const doomed = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Doomed' } } })
	).body.contact;
	const once = { executeOnce: true };
	const { id, body } = manualWorkflow(
		'Lost answers',
		[
			contactsNode(
				'Name Only',
				{ resource: 'contact', operation: 'create', contactFields: { firstName: 'Lost 1' } },
				once,
			),
			contactsNode(
				'Duplicates Allowed',
				{
					resource: 'contact',
					operation: 'create',
					contactFields: { firstName: 'Lost 2', email: 'lost@e2e.test' },
					options: { allowDuplicates: true },
				},
				once,
			),
			contactsNode(
				'Delete',
				{
					resource: 'contact',
					operation: 'delete',
					contactId: { __rl: true, mode: 'id', value: doomed.id },
				},
				once,
			),
		],
		{ Start: ['Name Only'], 'Name Only': ['Duplicates Allowed'], 'Duplicates Allowed': ['Delete'] },
	);
	await n8n.importWorkflow(body);
	// Every write's answer is lost once: a 500 for the creates, a dropped connection for the delete.
	await admin(sandbox, 'POST', '/faults', {
		kind: 'lostAnswer',
		method: 'POST',
		path: '/contacts/v4/contacts',
		times: 2,
	});
	await admin(sandbox, 'POST', '/faults', {
		kind: 'lostAnswer',
		then: 'reset',
		method: 'DELETE',
		times: 1,
	});
	const run = await n8n.execute(id);
	expect(nodeOutput(run, 'Name Only')[0].info.name.first).toBe('Lost 1');
	expect(nodeOutput(run, 'Duplicates Allowed')[0].info.name.first).toBe('Lost 2');
	expect(nodeOutput(run, 'Delete')[0]).toEqual({ deleted: true, contactId: doomed.id });
	expect((await contacts()).map((c) => c.info.name.first).sort()).toEqual(['Lost 1', 'Lost 2']);
});
