/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The "Wix CRM tools for AI agents" template imported as a user imports it, published in real n8n,
// and driven by the official MCP TypeScript client over Streamable HTTP, as an MCP client (Claude
// Desktop, an IDE, an n8n AI Agent) would drive it. No language model: the calls a model would make.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { admin, wix } from '../helpers/sandbox';
import { TEMPLATES } from '../scenarios/templates';
import { e2e, templateAsImported, waitFor, unpublish } from './fixtures';

const { sandbox, external, n8n } = e2e();
const TOKEN = randomBytes(24).toString('hex');
const TOOLS = [
	'add_label_to_contact',
	'create_deal_card',
	'earn_loyalty_points',
	'find_or_create_contact',
	'get_loyalty_account',
	'list_pipelines',
	'move_card',
	'search_contacts',
	'search_members',
];

let workflowId = '';
let url = '';
let client: Client;

/** Connects a fresh MCP client with the given bearer token. */
async function connect(token: string): Promise<Client> {
	const next = new Client({ name: 'wix-e2e', version: '1.0.0' });
	await next.connect(
		new StreamableHTTPClientTransport(new URL(url), {
			requestInit: { headers: { Authorization: `Bearer ${token}` } },
		}),
	);
	return next;
}

/** A tool's result: its text parsed as JSON when it is JSON, and whether MCP flagged an error. */
async function call(name: string, args: Record<string, unknown>) {
	const result = (await client.callTool({ name, arguments: args })) as {
		isError?: boolean;
		content: Array<{ type: string; text?: string }>;
	};
	const text = result.content.map((c) => c.text ?? '').join('\n');
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { isError: Boolean(result.isError), text, json };
}

const storedContacts = async () => (await admin(sandbox, 'GET', '/state')).contacts as any[];

beforeAll(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	const bearer = await n8n.api('POST', '/credentials', {
		name: `MCP bearer ${randomBytes(3).toString('hex')}`,
		type: 'httpBearerAuth',
		data: { token: TOKEN },
	});
	const { body } = templateAsImported(
		join(TEMPLATES, 'wix-crm-tools-for-ai-agents.json'),
		external.url,
	);
	const trigger = body.nodes.find((n: any) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
	trigger.credentials.httpBearerAuth = { id: bearer.id, name: bearer.name };
	const created = await n8n.api('POST', '/workflows', {
		name: body.name,
		nodes: body.nodes,
		connections: body.connections,
		settings: body.settings,
	});
	workflowId = created.id;
	await n8n.api('POST', `/workflows/${workflowId}/publish`, {});
	url = `${n8n.url}/mcp/${trigger.parameters.path}`;
	// Publishing returns before the endpoint is live: n8n answers 404 until then, 403 without a token.
	await waitFor(
		'the MCP endpoint to go live',
		async () => (await fetch(url, { method: 'POST', body: '{}' })).status,
		(status) => status === 403,
	);
	client = await connect(TOKEN);
});

afterAll(async () => {
	await client?.close();
	if (workflowId) await unpublish({ sandbox, n8n }, workflowId);
});

test('the MCP server offers the Wix tools, each with a description and every parameter described', async () => {
	const { tools } = await client.listTools();
	expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
	for (const tool of tools) {
		expect({ tool: tool.name, long: (tool.description ?? '').length > 80 }).toEqual({
			tool: tool.name,
			long: true,
		});
		const properties = (tool.inputSchema.properties ?? {}) as Record<string, any>;
		for (const [name, schema] of Object.entries(properties))
			expect({ tool: tool.name, name, described: (schema.description ?? '').length > 20 }).toEqual({
				tool: tool.name,
				name,
				described: true,
			});
	}
	const byName = Object.fromEntries(tools.map((t) => [t.name, t.inputSchema]));
	expect(byName.find_or_create_contact.required).toEqual(['email']);
	expect(Object.keys(byName.find_or_create_contact.properties ?? {}).sort()).toEqual([
		'email',
		'firstName',
		'lastName',
	]);
	expect((byName.earn_loyalty_points.properties as any).points.type).toBe('number');
	expect(Object.keys(byName.list_pipelines.properties ?? {})).toEqual([]);
});

test('a wrong token gets no tools', async () => {
	await expect(connect('not-the-token')).rejects.toThrow(/Authorization data is wrong/);
});

test('find or create contact twice with one email gives one contact; labels are added by ID and by email', async () => {
	const first = await call('find_or_create_contact', {
		email: 'Ada@Example.com',
		firstName: 'Ada',
	});
	expect(first.isError).toBe(false);
	expect(first.json).toEqual([
		expect.objectContaining({ action: 'created', email: 'ada@example.com', firstName: 'Ada' }),
	]);
	const contactId = first.json[0].contactId;
	expect(contactId).toMatch(/^[0-9a-f-]{36}$/);

	// Same person, other casing, a last name now and no first name: found, updated, not duplicated.
	const second = await call('find_or_create_contact', {
		email: 'ada@example.com',
		lastName: 'Lovelace',
	});
	expect(second.isError).toBe(false);
	expect(second.json[0]).toMatchObject({
		action: 'updated',
		contactId,
		firstName: 'Ada',
		lastName: 'Lovelace',
	});
	let contacts = await storedContacts();
	expect(contacts).toHaveLength(1);
	expect(contacts[0]).toMatchObject({
		id: contactId,
		info: { name: { first: 'Ada', last: 'Lovelace' } },
	});

	const byId = await call('add_label_to_contact', { contact: contactId, labels: 'VIP' });
	expect(byId.isError).toBe(false);
	const byEmail = await call('add_label_to_contact', {
		contact: 'ADA@example.com',
		labels: 'Newsletter, VIP',
	});
	expect(byEmail.isError).toBe(false);
	contacts = await storedContacts();
	expect(contacts).toHaveLength(1);
	expect([...contacts[0].info.labelKeys.items].sort()).toEqual(['custom.newsletter', 'custom.vip']);

	const found = await call('search_contacts', { query: 'lovelace' });
	expect(found.json).toEqual([
		expect.objectContaining({
			id: contactId,
			labels: expect.arrayContaining(['VIP', 'Newsletter']),
		}),
	]);

	// The executions n8n records for the calls hold no error.
	const runs = await waitFor(
		'the tool calls recorded',
		() => n8n.executions(workflowId),
		(list) => list.length >= 5,
	);
	expect(runs.filter((e: any) => e.status === 'error')).toEqual([]);
});

test('bad input comes back as a tool error naming the field and Wix’s code, and the server keeps serving', async () => {
	const before = (await storedContacts()).length;
	const bad = await call('find_or_create_contact', { email: 'not-an-email' });
	expect(bad.isError).toBe(true);
	expect(bad.text).toMatch(/valid email/);
	expect(bad.text).toMatch(/INVALID_ARGUMENT/);
	expect(bad.text).toMatch(/email/);

	const nobody = await call('add_label_to_contact', {
		contact: 'nobody@example.com',
		labels: 'VIP',
	});
	expect(nobody.isError).toBe(true);
	expect(nobody.text).toContain('No contact has the email nobody@example.com [CONTACT_NOT_FOUND]');
	expect(await storedContacts()).toHaveLength(before);

	// A call the schema refuses (no email) is an error result too, not a dropped connection.
	const missing = await call('find_or_create_contact', { firstName: 'Nobody' });
	expect(missing.isError).toBe(true);
	expect(missing.text).toMatch(/email/i);

	const again = await call('search_contacts', { query: 'ada' });
	expect(again.isError).toBe(false);
	expect(again.json).toHaveLength(before);
});

test('loyalty: the account of a contact by email, and points credited once per call', async () => {
	const contactId = (await storedContacts())[0].id;
	// The site owner runs a loyalty program with an account for this customer.
	expect((await wix(sandbox, 'POST', '/loyalty-programs/v1/program/activate')).status).toBe(200);
	expect((await wix(sandbox, 'POST', '/loyalty-accounts/v1/accounts', { contactId })).status).toBe(
		200,
	);
	const account = await call('get_loyalty_account', { contact: 'ada@example.com' });
	expect(account.isError).toBe(false);
	const accountId = account.json[0].id;
	expect(account.json[0]).toMatchObject({ contactId });

	const earn = (points: number) =>
		call('earn_loyalty_points', { accountId, points, reason: 'Thanks for the referral' });
	expect((await earn(50)).json[0]).toMatchObject({ points: { balance: 50 } });
	// Two calls in one session are two credits, not one deduplicated by a shared key.
	expect((await earn(25)).json[0]).toMatchObject({ points: { balance: 75 } });

	const tooMany = await earn(1.5);
	expect(tooMany.isError).toBe(true);
	expect(tooMany.text).toMatch(/whole number/);
});

test('pipelines: list them, create a deal card for a new contact by email, move it, win it; members by search', async () => {
	const created = await wix(sandbox, 'POST', '/crm/pipelines/v1/pipelines', {
		pipeline: {
			name: 'Sales',
			stages: [{ name: 'New Lead' }, { name: 'Contacted' }],
			doneStage: { name: 'Done', allowedOutcomes: ['WON', 'LOST'] },
		},
	});
	expect(created.status).toBe(200);

	const listed = await call('list_pipelines', {});
	expect(listed.isError).toBe(false);
	const sales = listed.json.find((p: any) => p.name === 'Sales');
	expect(sales.stages.map((s: any) => s.name)).toEqual(['New Lead', 'Contacted']);

	const card = await call('create_deal_card', {
		pipelineId: sales.id,
		name: 'Grace Hopper - 20 licences',
		contactEmail: 'grace@example.com',
		value: '1500.00',
	});
	expect(card.isError).toBe(false);
	expect(card.json[0]).toMatchObject({
		name: 'Grace Hopper - 20 licences',
		stageId: sales.stages[0].id,
		value: { value: '1500.00' },
		mainContactCreated: true,
	});
	const cardId = card.json[0].id;
	const grace = (await storedContacts()).find((c) => c.primaryInfo?.email === 'grace@example.com');
	expect(card.json[0].mainContact).toMatchObject({ contactId: grace.id });

	expect((await call('move_card', { cardId, stageId: sales.stages[1].id })).json[0]).toMatchObject({
		id: cardId,
		stageId: sales.stages[1].id,
	});
	expect(
		(await call('move_card', { cardId, stageId: sales.doneStage.id, outcome: 'WON' })).json[0],
	).toMatchObject({ id: cardId, stageId: sales.doneStage.id, outcome: 'WON' });
	const { cards } = await admin(sandbox, 'GET', '/pipelines');
	expect(cards.filter((c: any) => c.id === cardId)).toEqual([
		expect.objectContaining({ stageId: sales.doneStage.id, outcome: 'WON' }),
	]);

	await admin(sandbox, 'POST', '/members', { contactId: grace.id });
	const members = await call('search_members', { query: 'grace' });
	expect(members.isError).toBe(false);
	expect(members.json).toEqual([expect.objectContaining({ contactId: grace.id })]);
});
