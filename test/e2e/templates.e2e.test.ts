/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Each template imported as a user imports it, run in real n8n against the sandbox and the
// stand-in external systems, checking the end state.
import { join } from 'node:path';

import { admin, wix } from '../helpers/sandbox';
import { TEMPLATES, exportToCrm, externalState, twoWaySync } from '../scenarios/templates';
import { announceTests, e2e, nodeOutput, templateAsImported, waitFor, unpublish } from './fixtures';

const { sandbox, external, n8n } = e2e();

// The file takes minutes: a line as each template run starts and ends.
announceTests('e2e templates');

beforeEach(async () => {
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	await fetch(`${external.url}/reset`, { method: 'POST' });
});

test('subscribed emails: only SUBSCRIBED contacts reach the email service, with the mapped fields', async () => {
	const make = async (email: string, first: string, status?: string) => {
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first, last: 'Test' }, emails: { items: [{ email }] } },
		});
		if (status)
			await wix(sandbox, 'POST', '/email-marketing/v1/email-subscriptions', {
				subscription: { email, subscriptionStatus: status },
			});
	};
	await make('yes1@e2e.test', 'Yes1', 'SUBSCRIBED');
	await make('yes2@e2e.test', 'Yes2', 'SUBSCRIBED');
	await make('no@e2e.test', 'No', 'UNSUBSCRIBED');
	await make('pending@e2e.test', 'Pending', 'PENDING');
	await make('unset@e2e.test', 'Unset');

	const { id, body } = templateAsImported(
		join(TEMPLATES, 'subscribed-emails-to-email-service.json'),
		external.url,
	);
	await n8n.importWorkflow(body);
	const run = await n8n.execute(id);
	expect(run.data.resultData.error).toBeUndefined();
	expect(nodeOutput(run, 'Subscribed Contacts')).toHaveLength(2);

	const { subscribers } = await externalState(external);
	expect(subscribers.map((s) => s.email).sort()).toEqual(['yes1@e2e.test', 'yes2@e2e.test']);
	expect(subscribers.find((s) => s.email === 'yes1@e2e.test')).toEqual({
		email: 'yes1@e2e.test',
		firstName: 'Yes1',
		lastName: 'Test',
		tags: [],
	});
});

test('external form to contact: by webhook or the n8n-hosted form, a repeated submission updates the one contact, blanks keep values', async () => {
	const { body } = templateAsImported(join(TEMPLATES, 'form-to-contact.json'), external.url);
	const { id, ...create } = body;
	void id;
	const created = await n8n.api('POST', '/workflows', {
		name: create.name,
		nodes: create.nodes,
		connections: create.connections,
		settings: create.settings,
	});
	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	const url = `${n8n.url}/webhook/wix-form-to-contact`;
	// Until the webhook is live n8n answers 404 and the submission is not taken.
	const submit = (form: Record<string, string>) =>
		waitFor(
			'the form webhook',
			async () =>
				(
					await fetch(url, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body: JSON.stringify(form),
					})
				).status,
			(status) => status !== 404,
		);
	const storedContacts = async () => (await admin(sandbox, 'GET', '/state')).contacts as any[];
	expect(await submit({ email: 'Visitor@E2E.test', firstName: 'Vera' })).toBe(200);
	await waitFor('the first submission stored', storedContacts, (list) => list.length > 0);
	expect(
		await submit({
			email: 'visitor@e2e.test',
			firstName: 'Vera',
			lastName: 'Visitor',
			phone: '+15550009999',
		}),
	).toBe(200);
	let contacts = await waitFor('the repeat stored', storedContacts, (list) =>
		list.some((c) => c.revision >= 2),
	);
	expect(contacts).toHaveLength(1);
	expect(contacts[0]).toMatchObject({
		primaryInfo: { email: 'visitor@e2e.test', phone: '+15550009999' },
		info: { name: { first: 'Vera', last: 'Visitor' }, labelKeys: { items: ['custom.web-form'] } },
	});

	// The form n8n hosts: a visitor leaves the names blank (they keep their values), a new one signs up.
	const page = await fetch(`${n8n.url}/form/wix-contact-form`);
	expect(page.status).toBe(200);
	expect(await page.text()).toContain('Stay in touch');
	const submitForm = async (values: string[]) => {
		const form = new FormData();
		values.forEach((value, k) => form.append(`field-${k}`, value));
		return (await fetch(`${n8n.url}/form/wix-contact-form`, { method: 'POST', body: form })).status;
	};
	expect(await submitForm(['visitor@e2e.test', '', '', ''])).toBe(200);
	expect(await submitForm(['fran@e2e.test', 'Fran', '', ''])).toBe(200);
	// All four submissions finished, so the blank one cannot still be on its way.
	await waitFor(
		'four finished executions',
		() => n8n.executions(created.id),
		(runs) =>
			runs.filter((e: any) => e.finished || ['success', 'error'].includes(e.status)).length >= 4,
	);
	contacts = await storedContacts();
	await unpublish({ sandbox, n8n }, created.id);
	const byEmail = Object.fromEntries(contacts.map((c) => [c.primaryInfo.email, c]));
	expect(Object.keys(byEmail).sort()).toEqual(['fran@e2e.test', 'visitor@e2e.test']);
	expect(byEmail['visitor@e2e.test'].info.name).toEqual({ first: 'Vera', last: 'Visitor' });
	expect(byEmail['fran@e2e.test'].info).toMatchObject({
		name: { first: 'Fran' },
		labelKeys: { items: ['custom.web-form'] },
	});
	expect((await n8n.executions(created.id)).filter((e: any) => e.status === 'error')).toEqual([]);
});

test('Velo pair: one contact created, then updated on the next run, and one email request per run with the variables', async () => {
	const existing = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', { info: { name: { first: 'Other' } } })
	).body.contact;
	const { id, body } = templateAsImported(
		join(TEMPLATES, 'velo-create-contact-and-email.json'),
		external.url,
	);
	await n8n.importWorkflow(body);
	const first = await n8n.execute(id);
	expect(first.data.resultData.error).toBeUndefined();
	expect(nodeOutput(first, 'createContact')[0]).toMatchObject({ action: 'created' });
	const second = await n8n.execute(id);
	const [updated] = nodeOutput(second, 'createContact');
	expect(updated).toMatchObject({
		action: 'updated',
		contactId: nodeOutput(first, 'createContact')[0].contactId,
	});

	const state = await admin(sandbox, 'GET', '/state');
	expect(state.contacts.map((c: any) => c.id).sort()).toEqual(
		[existing.id, updated.contactId].sort(),
	);
	const { emails } = await admin(sandbox, 'GET', '/emails');
	expect(emails).toEqual([
		expect.objectContaining({
			emailId: 'welcome',
			contactId: updated.contactId,
			variables: { firstName: 'Ada', action: 'created' },
			status: 'SENT',
		}),
		expect.objectContaining({
			emailId: 'welcome',
			contactId: updated.contactId,
			variables: { firstName: 'Ada', action: 'updated' },
			status: 'SENT',
		}),
	]);
});

test('export to CRM: three runs send each contact exactly once, including ones sharing a creation time', async () => {
	await exportToCrm({ sandbox, external, n8n, webhookBase: n8n.url });
});

test('every template imports unchanged with n8n import:workflow and uses only installed node types', async () => {
	const { readdirSync } = await import('node:fs');
	const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));
	expect(files.length).toBeGreaterThanOrEqual(4);
	const types = (await fetch(`${n8n.url}/types/nodes.json`, {
		headers: { Cookie: await n8n.session() },
	}).then((r) => r.json())) as Array<{ name: string }>;
	const installed = new Set(types.map((t) => t.name));
	for (const file of files) {
		await n8n.cli(['import:workflow', `--input=${join(TEMPLATES, file)}`]);
		const template = JSON.parse(
			(await import('node:fs')).readFileSync(join(TEMPLATES, file), 'utf8'),
		);
		const stored = await n8n.api('GET', `/workflows/${template.id}`);
		expect(stored.nodes.map((n: any) => n.name).sort()).toEqual(
			template.nodes.map((n: any) => n.name).sort(),
		);
		for (const node of template.nodes) {
			// n8n's own nodes (the MCP Server Trigger is in its built-in LangChain package) and ours.
			expect(node.type).toMatch(/^(n8n-nodes-base|@n8n\/n8n-nodes-langchain|n8n-nodes-wix-crm)\./);
			expect(installed.has(node.type)).toBe(true);
		}
		expect(template.nodes.some((n: any) => n.type === 'n8n-nodes-base.stickyNote')).toBe(true);
	}
});

test('2-way sync: both sides converge after creates, edits, deletes and a merge on each side, with one execution per outside change', async () => {
	await twoWaySync({ sandbox, external, n8n, webhookBase: n8n.url });
});

test('2-way sync without an app: the Automation and the poll bring Wix changes, the CRM webhook brings CRM changes, no loops', async () => {
	const { body } = templateAsImported(
		join(TEMPLATES, 'two-way-contact-sync-automation.json'),
		external.url,
	);
	const created = await n8n.api('POST', '/workflows', {
		name: body.name,
		nodes: body.nodes,
		connections: body.connections,
		settings: body.settings,
	});
	const setup = await n8n.execute(created.id);
	expect(nodeOutput(setup, 'Find or Create externalCrmId')[0]).toMatchObject({
		key: 'custom.externalcrmid',
	});
	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	const automations = await waitFor(
		'the Automation registered',
		async () => (await admin(sandbox, 'GET', '/automations')).automations as any[],
		(list) => list.length > 0,
	);
	expect(automations).toHaveLength(1);
	await fetch(`${external.url}/crm/webhook`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ url: `${n8n.url}/webhook/wix-no-app-sync-crm-events` }),
	});

	const crm = async () => (await externalState(external)).crm;
	const wixContact = async (id: string) =>
		(await wix(sandbox, 'GET', `/contacts/v4/contacts/${id}`)).body.contact;
	const ui = (method: string, path: string, payload?: unknown) =>
		fetch(`${external.url}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: payload === undefined ? undefined : JSON.stringify(payload),
		}).then((r) => r.json() as Promise<any>);
	// Each reading first lets the sandbox finish delivering what it has queued.
	const until = <T>(
		what: string,
		read: () => Promise<T>,
		ok: (value: T) => boolean,
		timeoutMs = 15_000,
	) =>
		waitFor(
			what,
			async () => {
				await admin(sandbox, 'GET', '/webhooks/deliveries');
				return await read();
			},
			ok,
			{ timeoutMs },
		);

	// Wix → CRM through the Automation, and the external ID comes back once.
	const a = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Ada' }, emails: { items: [{ email: 'ada@noapp.test' }] } },
		})
	).body.contact;
	const crmA = await until(
		'Ada in the CRM',
		async () => (await crm()).find((c) => c.email === 'ada@noapp.test'),
		(c) => Boolean(c),
	);
	expect(crmA).toMatchObject({ wixContactId: a.id, firstName: 'Ada' });
	await until(
		'Ada’s external ID',
		async () => (await wixContact(a.id)).info.extendedFields?.items?.['custom.externalcrmid'],
		(v) => v === crmA!.id,
	);

	// An edit in Wix reaches the CRM on the next poll (every minute).
	await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${a.id}`, {
		revision: (await wixContact(a.id)).revision,
		info: { name: { first: 'Ada', last: 'Lovelace' } },
	});

	// Meanwhile CRM → Wix: a create, an edit and a delete.
	const b = await ui('POST', '/crm/ui/contacts', { email: 'grace@noapp.test', firstName: 'Grace' });
	const wixB = await until(
		'Grace in Wix',
		async () =>
			((await admin(sandbox, 'GET', '/state')).contacts as any[]).find(
				(c) => c.primaryInfo?.email === 'grace@noapp.test',
			),
		(c) => Boolean(c),
	);
	expect(wixB.info.extendedFields.items['custom.externalcrmid']).toBe(b.id);
	await until(
		'the CRM learns Grace’s Wix ID',
		async () => (await crm()).find((c) => c.id === b.id),
		(c) => c?.wixContactId === wixB.id,
	);
	await ui('POST', '/crm/ui/contacts', { id: b.id, lastName: 'Hopper' });
	await until(
		'Grace’s new name in Wix',
		async () => (await wixContact(wixB.id)).info.name,
		(n) => n?.last === 'Hopper',
	);
	const c = await ui('POST', '/crm/ui/contacts', { email: 'gone@noapp.test', firstName: 'Gone' });
	await until(
		'the CRM learns Gone’s Wix ID',
		async () => (await crm()).find((x) => x.id === c.id),
		(x) => Boolean(x?.wixContactId),
	);
	const gone = (await crm()).find((x) => x.id === c.id)!;
	await ui('DELETE', `/crm/ui/contacts/${c.id}`);
	await until(
		'Gone deleted in Wix',
		async () => (await wix(sandbox, 'GET', `/contacts/v4/contacts/${gone.wixContactId}`)).status,
		(s) => s === 404,
	);

	const e = await ui('POST', '/crm/ui/contacts', { email: 'eve@noapp.test', firstName: 'Eve' });
	const f = await ui('POST', '/crm/ui/contacts', { email: 'fay@noapp.test', firstName: 'Fay' });
	const linked = await until(
		'Eve and Fay linked to Wix',
		async () => (await crm()).filter((x) => [e.id, f.id].includes(x.id) && x.wixContactId),
		(list) => list.length === 2,
	);
	const wixOf = Object.fromEntries(linked.map((x) => [x.id, x.wixContactId as string]));
	await ui('POST', `/crm/ui/contacts/${e.id}/merge`, { sourceIds: [f.id] });
	await until(
		'Fay merged into Eve in Wix',
		async () => ((await admin(sandbox, 'GET', '/state')).contacts as any[]).map((x) => x.id),
		(ids) => !ids.includes(wixOf[f.id]) && ids.includes(wixOf[e.id]),
	);

	await until(
		'Ada’s edit in the CRM',
		async () => (await crm()).find((x) => x.id === crmA!.id),
		(x) => x?.lastName === 'Lovelace',
		150_000,
	);
	// Let one more poll pass: our own writes (the external IDs, Grace's edit) must not come back.
	const minute = 60_000 - (Date.now() % 60_000);
	await new Promise((r) => setTimeout(r, minute + 5_000));

	const runs = (await n8n.executions(created.id)).filter((e: any) => e.mode !== 'cli');
	expect(runs.filter((e: any) => e.status === 'error')).toEqual([]);
	// The Automation (Ada); the CRM webhook (Grace created and edited, Gone created and deleted, Eve and
	// Fay created, then merged); one poll (Ada's edit).
	const started = runs.map((run: any) =>
		Object.keys(run.data.resultData.runData).find((n) =>
			['Contact Created in Wix', 'Contact Changed in Wix', 'CRM Webhook'].includes(n),
		),
	);
	expect(started.sort()).toEqual([
		...Array(7).fill('CRM Webhook'),
		'Contact Changed in Wix',
		'Contact Created in Wix',
	]);
	const emails = ['ada@noapp.test', 'eve@noapp.test', 'grace@noapp.test'];
	expect(
		((await admin(sandbox, 'GET', '/state')).contacts as any[])
			.map((x) => x.primaryInfo?.email)
			.sort(),
	).toEqual(emails);
	expect((await crm()).map((x) => x.email).sort()).toEqual(emails);

	await unpublish({ sandbox, n8n }, created.id);
	await until(
		'the Automation removed',
		async () => (await admin(sandbox, 'GET', '/automations')).automations,
		(list: any[]) => list.length === 0,
	);
}, 300_000);
