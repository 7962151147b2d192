/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The template runs that must end the same in single-process n8n and in queue mode: each takes the
// n8n to import into and the base URL its production webhooks answer on (the main process, or a
// webhook processor).
import { join } from 'node:path';

import type { N8nInstance } from '../../scripts/n8n-instance';
import { admin, wix } from '../helpers/sandbox';
import { nodeOutput, templateAsImported, waitFor, webhookLive, type E2E } from '../e2e/fixtures';

export const TEMPLATES = join(__dirname, '..', '..', 'templates');

export interface Stack {
	sandbox: E2E['sandbox'];
	external: E2E['external'];
	n8n: N8nInstance;
	/** Where production webhooks answer. */
	webhookBase: string;
	/**
	 * Whether the Wix writes run in another process than the webhooks (queue mode): the echoes of
	 * deletions and merges, which Wix gives no room to mark, then start an execution each.
	 */
	scaledOut?: boolean;
}

export async function externalState(external: E2E['external']) {
	return (await (await fetch(`${external.url}/state`)).json()) as {
		crm: any[];
		subscribers: any[];
		log: any[];
	};
}

/** Export to CRM: three runs send each contact exactly once, including ones sharing a creation time. */
export async function exportToCrm({ sandbox, external, n8n }: Stack) {
	const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
	const make = async (first: string, email?: string) =>
		(
			await wix(sandbox, 'POST', '/contacts/v4/contacts', {
				info: { name: { first }, ...(email ? { emails: { items: [{ email }] } } : {}) },
			})
		).body.contact;
	for (const n of [1, 2, 3]) await make(`First${n}`, `first${n}@e2e.test`);
	const { id, body } = templateAsImported(
		join(TEMPLATES, 'export-new-contacts-to-crm.json'),
		external.url,
	);
	await n8n.importWorkflow(body);

	await wait(5500);
	const run1 = await n8n.execute(id);
	expect(run1.data.resultData.error).toBeUndefined();
	expect(nodeOutput(run1, 'Confirm Export')).toHaveLength(3);

	// Two contacts imported together share one creation time.
	const a = await make('SharedA', 'shared-a@e2e.test');
	const b = await make('SharedB', 'shared-b@e2e.test');
	await admin(sandbox, 'POST', '/contacts/timestamps', {
		ids: [a.id, b.id],
		createdDate: new Date().toISOString(),
	});
	await wait(5500);
	await n8n.execute(id);

	await make('Last', 'last@e2e.test');
	await make('NoEmail');
	await wait(5500);
	await n8n.execute(id);

	const { crm, log } = await externalState(external);
	const posted = log
		.filter((r) => r.path === '/crm/contacts')
		.map((r) => r.body.email)
		.sort();
	expect(posted).toEqual([
		'first1@e2e.test',
		'first2@e2e.test',
		'first3@e2e.test',
		'last@e2e.test',
		'shared-a@e2e.test',
		'shared-b@e2e.test',
	]);
	expect(crm).toHaveLength(6);
	expect(crm.find((c) => c.email === 'shared-b@e2e.test')).toMatchObject({
		firstName: 'SharedB',
		wixContactId: b.id,
	});
}

/**
 * 2-way sync: both sides converge after creates, edits, deletes and a merge on each side, with one
 * execution per outside change.
 */
export async function twoWaySync({ sandbox, external, n8n, webhookBase, scaledOut }: Stack) {
	const { body } = templateAsImported(join(TEMPLATES, 'two-way-contact-sync.json'), external.url);
	const created = await n8n.api('POST', '/workflows', {
		name: body.name,
		nodes: body.nodes,
		connections: body.connections,
		settings: body.settings,
	});
	await n8n.api('POST', `/workflows/${created.id}/publish`, {});
	const wixUrl = `${webhookBase}/webhook/${created.nodes.find((n: any) => n.name === 'Wix Trigger').webhookId}/webhook`;
	await webhookLive(wixUrl);
	const setup = await n8n.execute(created.id);
	expect(nodeOutput(setup, 'Find or Create externalCrmId')[0]).toMatchObject({
		key: 'custom.externalcrmid',
	});
	await admin(sandbox, 'POST', '/webhooks', { url: wixUrl, contentType: 'application/json' });
	await fetch(`${external.url}/crm/webhook`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ url: `${webhookBase}/webhook/wix-2-way-sync-crm-events` }),
	});

	let expected = 0;
	const settle = async (more: number, unmarkedEchoes = 0) => {
		expected += more + (scaledOut ? unmarkedEchoes : 0);
		const outsideRuns = async () => {
			await admin(sandbox, 'GET', '/webhooks/deliveries');
			return (await n8n.executions(created.id)).filter((e: any) => e.mode !== 'cli');
		};
		await waitFor(
			`${expected} finished executions`,
			outsideRuns,
			(runs) =>
				runs.length >= expected &&
				runs.every((e: any) => e.finished || ['success', 'error'].includes(e.status)),
		);
		// An echo of our own writes would start one more execution within this pause.
		await new Promise((r) => setTimeout(r, 700));
		const runs = await outsideRuns();
		expect(runs.filter((e: any) => e.status === 'error')).toEqual([]);
		expect(runs).toHaveLength(expected);
	};
	const crm = async () => (await externalState(external)).crm;
	const wixContact = async (id: string) =>
		(await wix(sandbox, 'GET', `/contacts/v4/contacts/${id}`)).body.contact;
	const ui = (method: string, path: string, payload?: unknown) =>
		fetch(`${external.url}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json' },
			body: payload === undefined ? undefined : JSON.stringify(payload),
		}).then((r) => r.json() as Promise<any>);

	// Wix → CRM, and the external ID comes back once.
	const a = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Ada' }, emails: { items: [{ email: 'ada@sync.test' }] } },
		})
	).body.contact;
	await settle(1);
	const crmA = (await crm()).find((c) => c.email === 'ada@sync.test');
	expect(crmA).toMatchObject({ wixContactId: a.id, firstName: 'Ada' });
	expect((await wixContact(a.id)).info.extendedFields.items['custom.externalcrmid']).toBe(crmA.id);
	await wix(sandbox, 'PATCH', `/contacts/v4/contacts/${a.id}`, {
		revision: (await wixContact(a.id)).revision,
		info: { name: { first: 'Ada', last: 'Lovelace' } },
	});
	await settle(1);
	expect((await crm()).find((c) => c.id === crmA.id)).toMatchObject({
		lastName: 'Lovelace',
		wixContactId: a.id,
	});

	// CRM → Wix, and the CRM learns the Wix ID.
	const b = await ui('POST', '/crm/ui/contacts', { email: 'grace@sync.test', firstName: 'Grace' });
	await settle(1);
	const wixB = (await admin(sandbox, 'GET', '/state')).contacts.find(
		(c: any) => c.primaryInfo.email === 'grace@sync.test',
	);
	expect(wixB.info.extendedFields.items['custom.externalcrmid']).toBe(b.id);
	expect((await crm()).find((c) => c.id === b.id)).toMatchObject({ wixContactId: wixB.id });
	await ui('POST', '/crm/ui/contacts', { id: b.id, lastName: 'Hopper' });
	await settle(1);
	expect((await wixContact(wixB.id)).info.name).toEqual({ first: 'Grace', last: 'Hopper' });

	// A merge in Wix: the source disappears from the CRM, the target stays.
	const c = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Cee' }, emails: { items: [{ email: 'c@sync.test' }] } },
		})
	).body.contact;
	const d = (
		await wix(sandbox, 'POST', '/contacts/v4/contacts', {
			info: { name: { first: 'Dee' }, emails: { items: [{ email: 'd@sync.test' }] } },
		})
	).body.contact;
	await settle(2);
	await wix(sandbox, 'POST', `/contacts/v4/contacts/${c.id}/merge`, {
		targetContactRevision: (await wixContact(c.id)).revision,
		sourceContactIds: [d.id],
	});
	await settle(2);

	// A merge in the CRM: the Wix contacts are merged the same way.
	const e = await ui('POST', '/crm/ui/contacts', { email: 'e@sync.test', firstName: 'Eve' });
	const f = await ui('POST', '/crm/ui/contacts', { email: 'f@sync.test', firstName: 'Fay' });
	await settle(2);
	const wixOf = Object.fromEntries((await crm()).map((x) => [x.id, x.wixContactId as string]));
	expect(wixOf[e.id] && wixOf[f.id]).toBeTruthy();
	await ui('POST', `/crm/ui/contacts/${e.id}/merge`, { sourceIds: [f.id] });
	// Scaled out, the target's merge update and the source's deletion come back once each.
	await settle(1, 2);
	expect(
		((await admin(sandbox, 'GET', '/state')).contacts as any[]).map((x) => x.id),
	).not.toContain(wixOf[f.id]);
	expect((await wixContact(wixOf[e.id])).primaryInfo.email).toBe('e@sync.test');

	// Deletes on both sides.
	await wix(sandbox, 'DELETE', `/contacts/v4/contacts/${a.id}`);
	await settle(1);
	await ui('DELETE', `/crm/ui/contacts/${b.id}`);
	await settle(1, 1);

	const finalCrm = await crm();
	const finalWix = (await admin(sandbox, 'GET', '/state')).contacts;
	expect(finalCrm.map((x) => x.wixContactId).sort()).toEqual([c.id, wixOf[e.id]].sort());
	expect(finalWix.map((x: any) => x.id).sort()).toEqual([c.id, wixOf[e.id]].sort());
	for (const contact of finalWix) {
		expect(contact.info.extendedFields.items['custom.externalcrmid']).toBe(
			finalCrm.find((x) => x.wixContactId === contact.id).id,
		);
	}
	await n8n.api('POST', `/workflows/${created.id}/unpublish`, {});
}
