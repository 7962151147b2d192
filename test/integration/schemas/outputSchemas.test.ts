/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The output schemas shipped in nodes/Wix/<Node>/__schema__/v1.0.0/<resource>/<operation>.json:
// n8n serves them at /schemas/<node type>/<version>/<resource>/<operation>.json and the editor
// shows their fields to the next node before anything ran. Each must be exactly the shape the
// operation (with its default options) returns here, so a change to an output fails this test.
// UPDATE_OUTPUT_SCHEMAS=1 writes the files instead of comparing.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { contactsNode, rl } from '../../helpers/contactsNode';
import { runNode } from '../../helpers/executeContext';
import { loyaltyNodes } from '../../helpers/loyaltyNode';
import { apiKeyCredentials, useTestSandbox } from '../../helpers/sandbox';
import { workflowsNode } from '../../helpers/workflowsNode';

const sandbox = useTestSandbox();
const contacts = contactsNode(sandbox);
const loyalty = loyaltyNodes(sandbox);
const workflows = workflowsNode(sandbox, 'pipelines');

type Schema = { type: string; properties?: Record<string, Schema>; items?: Schema };

/** A JSON schema covering every value given; keys of site-specific custom fields are left out. */
export function schemaOf(values: unknown[]): Schema {
	const present = values.filter((v) => v !== null && v !== undefined);
	const first = present[0];
	if (Array.isArray(first)) return { type: 'array', items: schemaOf(present.flat()) };
	if (typeof first === 'object' && first !== null) {
		const keys = new Set<string>();
		for (const v of present) for (const k of Object.keys(v as object)) keys.add(k);
		const properties: Record<string, Schema> = {};
		for (const key of [...keys].sort()) {
			if (key.startsWith('custom.')) continue;
			properties[key] = schemaOf(present.map((v) => (v as IDataObject)[key]));
		}
		return { type: 'object', properties };
	}
	return { type: first === undefined ? 'string' : typeof first };
}

const ROOT = join(__dirname, '../../../nodes/Wix');
const fileOf = (node: string, resource: string, operation: string) =>
	join(ROOT, node, '__schema__', 'v1.0.0', resource, `${operation}.json`);

function check(node: string, resource: string, operation: string, items: IDataObject[]) {
	expect(items.length).toBeGreaterThan(0);
	const schema = schemaOf(items);
	const file = fileOf(node, resource, operation);
	if (process.env.UPDATE_OUTPUT_SCHEMAS) {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
	}
	expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schema);
}

const FULL_CONTACT = {
	firstName: 'Ada',
	lastName: 'Lovelace',
	email: 'ada@example.com',
	phone: '+15551234567',
	company: 'Analytical Engines',
	jobTitle: 'Programmer',
	birthdate: '1815-12-10',
	locale: 'en-GB',
	labels: ['VIP'],
	addresses: {
		address: [
			{
				tag: 'HOME',
				addressLine: '1 Main St',
				addressLine2: 'Flat 2',
				city: 'London',
				subdivision: 'GB-LND',
				country: 'GB',
				postalCode: 'W1',
			},
		],
	},
	customFields: { field: [{ key: 'Plan', value: 'Gold' }] },
};

it('Wix Contacts: contact Create, Get, Get Many, Update and Create or Update', async () => {
	await contacts.label('VIP');
	await contacts.field('Plan', 'TEXT');
	const created = (await contacts.run({ operation: 'create', contactFields: FULL_CONTACT })).output;
	check(
		'Contacts',
		'contact',
		'create',
		created.map((o) => o.json),
	);
	const id = String(created[0].json.id);
	const got = (await contacts.run({ operation: 'get', contactId: rl(id) })).output;
	check(
		'Contacts',
		'contact',
		'get',
		got.map((o) => o.json),
	);
	await contacts.contact({ name: { first: 'Grace' } });
	const many = (await contacts.run({ operation: 'getAll', returnAll: true })).output;
	check(
		'Contacts',
		'contact',
		'getAll',
		many.map((o) => o.json),
	);
	const updated = (
		await contacts.run({ operation: 'update', contactId: rl(id), updateFields: { company: 'X' } })
	).output;
	check(
		'Contacts',
		'contact',
		'update',
		updated.map((o) => o.json),
	);
	const upserted = (
		await contacts.run({
			operation: 'upsert',
			contactFields: { ...FULL_CONTACT, email: 'grace@example.com', firstName: 'Grace' },
		})
	).output;
	check(
		'Contacts',
		'contact',
		'upsert',
		upserted.map((o) => o.json),
	);
});

it('Wix Members: member Get and Get Many', async () => {
	const contactId = await loyalty.contact('Ada', 'ada@example.com');
	const m = await loyalty.member(contactId);
	const got = (
		await loyalty.runMembers({ resource: 'member', operation: 'get', memberId: rl(m.id) })
	).output;
	check(
		'Members',
		'member',
		'get',
		got.map((o) => o.json),
	);
	await loyalty.member(await loyalty.contact('Grace', 'grace@example.com'));
	const many = (
		await loyalty.runMembers({ resource: 'member', operation: 'getAll', returnAll: true })
	).output;
	check(
		'Members',
		'member',
		'getAll',
		many.map((o) => o.json),
	);
});

it('Wix Loyalty: account Get', async () => {
	await loyalty.activate();
	const a = await loyalty.account('Ada', 'ada@example.com');
	await loyalty.earn(a.id, 120);
	const got = (
		await loyalty.runLoyalty({ resource: 'account', operation: 'get', accountId: rl(a.id) })
	).output;
	check(
		'Loyalty',
		'account',
		'get',
		got.map((o) => o.json),
	);
});

it('Wix Workflows: card Get (CRM Pipelines & Cards)', async () => {
	const P = '/crm/pipelines/v1';
	const { pipeline } = await workflows.ok('POST', `${P}/pipelines`, {
		pipeline: {
			name: 'Sales',
			stages: [{ name: 'New Lead' }, { name: 'Qualified' }],
			doneStage: { name: 'Done', allowedOutcomes: ['WON', 'LOST'] },
		},
	});
	const contactId = await workflows.contact('Ada', 'ada@example.com');
	const created = (
		await runNode({
			node: workflows.node,
			parameters: {
				api: 'pipelines',
				resource: 'card',
				operation: 'create',
				pipelineId: rl(pipeline.id),
				stageId: pipeline.stages[0].id,
				name: 'Deal',
				mainContactBy: 'id',
				mainContactId: contactId,
				additionalFields: { description: 'Big one', dueDate: '2027-01-31T00:00:00Z' },
			},
			credentials: apiKeyCredentials(sandbox),
		})
	).output[0].json;
	const got = (await workflows.run({ resource: 'card', operation: 'get', cardId: created.id }))
		.output;
	check(
		'Workflows',
		'card',
		'get',
		got.map((o) => o.json),
	);
});
