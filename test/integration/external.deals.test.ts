/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The stand-in CRM's deals over HTTP: what the lead-funnel template reacts to.
import { startExternalSystems, type ExternalSystems } from '../../sandbox/external';
import { useWebhookReceiver } from '../helpers/webhookReceiver';

let crm: ExternalSystems;
beforeAll(async () => {
	crm = await startExternalSystems();
});
afterAll(async () => {
	await crm.close();
});
const receiver = useWebhookReceiver();
beforeEach(async () => {
	await call('POST', '/reset');
});

async function call(method: string, path: string, body?: unknown) {
	const response = await fetch(`${crm.url}${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
}

const events = () => receiver.received.map((r) => JSON.parse(r.body));

describe('deals', () => {
	it('creates, updates, moves, wins, loses and deletes, announcing each change', async () => {
		await call('POST', '/crm/webhook', { url: receiver.url, topic: 'deals' });
		const created = await call('POST', '/crm/deals', {
			title: 'Big deal',
			contactEmail: 'Ada@Example.com',
			contactName: 'Ada Lovelace',
			value: 1200,
		});
		expect(created.status).toBe(200);
		const deal = created.body;
		expect(deal).toMatchObject({
			stage: 'New Lead',
			status: 'open',
			contactEmail: 'ada@example.com',
		});
		await call('PATCH', `/crm/deals/${deal.id}`, { value: 1500 });
		await call('POST', `/crm/deals/${deal.id}/stage`, { stage: 'Qualified' });
		await call('POST', `/crm/deals/${deal.id}/win`);
		const other = (
			await call('POST', '/crm/deals', {
				title: 'Small',
				contactEmail: 'b@x.io',
				stage: 'Contacted',
			})
		).body;
		await call('POST', `/crm/deals/${other.id}/lose`);
		await call('DELETE', `/crm/deals/${other.id}`);
		expect(events().map((e) => e.type)).toEqual([
			'deal.created',
			'deal.updated',
			'deal.stage_changed',
			'deal.won',
			'deal.created',
			'deal.lost',
			'deal.deleted',
		]);
		expect(events()[2]).toMatchObject({
			deal: { id: deal.id, stage: 'Qualified', value: 1500 },
			previous: { stage: 'New Lead', status: 'open' },
		});
		expect(events()[3].deal.status).toBe('won');
		const state = (await call('GET', '/state')).body;
		expect(state.deals).toHaveLength(1);
		expect(state.dealDeliveries.every((d: any) => d.status === 200)).toBe(true);
		expect((await call('GET', `/crm/deals/${deal.id}`)).body.status).toBe('won');
		expect((await call('GET', '/crm/deals')).body.deals).toHaveLength(1);
	});

	it('refuses unknown stages, missing titles or emails, and unknown deals', async () => {
		expect(
			(await call('POST', '/crm/deals', { title: 'X', contactEmail: 'a@b.c', stage: 'Won' }))
				.status,
		).toBe(422);
		expect((await call('POST', '/crm/deals', { contactEmail: 'a@b.c' })).status).toBe(422);
		expect((await call('POST', '/crm/deals', { title: 'X' })).status).toBe(422);
		const deal = (await call('POST', '/crm/deals', { title: 'X', contactEmail: 'a@b.c' })).body;
		expect((await call('POST', `/crm/deals/${deal.id}/stage`, { stage: 'Nope' })).status).toBe(422);
		expect((await call('POST', '/crm/deals/nope/win')).status).toBe(404);
	});

	it('keeps contacts events and deal events apart when registered by topic', async () => {
		// Registrations outlive /reset, so point deals elsewhere first.
		await call('POST', '/crm/webhook', { url: 'http://127.0.0.1:9/nobody', topic: 'deals' });
		await call('POST', '/crm/webhook', { url: `${receiver.url}?contacts`, topic: 'contacts' });
		await call('POST', '/crm/deals', { title: 'X', contactEmail: 'a@b.c' });
		expect(receiver.received).toHaveLength(0);
		await call('POST', '/crm/webhook', { url: receiver.url });
		await call('POST', '/crm/deals', { title: 'Y', contactEmail: 'a@b.c' });
		await call('POST', '/crm/ui/contacts', { email: 'c@d.e' });
		expect(events().map((e) => e.type)).toEqual(['deal.created', 'created']);
	});

	it('takes 50 deals moved through every stage', async () => {
		await call('POST', '/crm/webhook', { url: receiver.url, topic: 'deals' });
		const ids = await Promise.all(
			Array.from(
				{ length: 50 },
				async (_, k) =>
					(await call('POST', '/crm/deals', { title: `D${k}`, contactEmail: `d${k}@x.io` })).body
						.id as string,
			),
		);
		for (const stage of ['Contacted', 'Qualified', 'Proposal Sent', 'Negotiating'])
			await Promise.all(ids.map((id) => call('POST', `/crm/deals/${id}/stage`, { stage })));
		expect(receiver.received).toHaveLength(250);
		const { deals } = (await call('GET', '/state')).body;
		expect(deals.every((d: any) => d.stage === 'Negotiating')).toBe(true);
	});
});
