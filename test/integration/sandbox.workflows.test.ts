/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The legacy Workflows v1 API of the sandbox over HTTP (wix-api.md C.1-C.5): the rules a lead
// funnel node relies on, so a lenient sandbox fails here.
import { admin, useTestSandbox, wix } from '../helpers/sandbox';
import { signedEvents, useWebhookReceiver } from '../helpers/webhookReceiver';

const sandbox = useTestSandbox();
const V1 = '/workflows/v1';

async function ok(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

async function fails(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	return { status, code: result.details?.applicationError?.code, body: result };
}

async function contact(first: string): Promise<string> {
	return (await ok('POST', '/contacts/v4/contacts', { info: { name: { first } } })).contact.id;
}

/** A workflow with the seed's five phases; returns its ID, the phase IDs in order, the win phase ID. */
async function funnel(name = 'Lead Funnel') {
	const { id } = await ok('POST', `${V1}/workflows`, { workflow: { name, description: 'd' } });
	const phases: string[] = [];
	for (const phase of ['New Lead', 'Contacted', 'Qualified', 'Proposal Sent', 'Negotiating'])
		phases.push((await ok('POST', `${V1}/workflows/${id}/phases`, { phase: { name: phase } })).id);
	const win = (await ok('GET', `${V1}/workflows/${id}`)).workflow.winPhase.info.id as string;
	return { id, phases, win };
}

const card = (name: string, contactId: string, extra: Record<string, unknown> = {}) => ({
	card: { name, primaryAttachment: { contactId }, source: 'My CRM', ...extra },
});

describe('workflows', () => {
	it('walks the seed: {id}-only creates, the automatic win phase, shapes of Get Workflow', async () => {
		const created = await ok('POST', `${V1}/workflows`, { workflow: { name: 'Lead Funnel' } });
		expect(Object.keys(created)).toEqual(['id']);
		const phase = await ok('POST', `${V1}/workflows/${created.id}/phases`, {
			phase: { name: 'New Lead' },
		});
		expect(Object.keys(phase)).toEqual(['id']);
		const ada = await contact('Ada');
		const c = await ok(
			'POST',
			`${V1}/workflows/${created.id}/phases/${phase.id}/cards`,
			card('Ada', ada),
		);
		expect(Object.keys(c)).toEqual(['id']);
		const { workflow } = await ok('GET', `${V1}/workflows/${created.id}`);
		expect(workflow.info).toMatchObject({ id: created.id, name: 'Lead Funnel', isDeletable: true });
		expect(workflow.info.createdAt).toBe(workflow.info.createdDate);
		expect(workflow.winPhase).toMatchObject({
			info: { name: 'Win' },
			cardsList: { total: 0, cards: [] },
		});
		expect(workflow.phasesList.total).toBe(1);
		const info = workflow.phasesList.phases[0].cardsList.cards[0].info;
		expect(info).toMatchObject({
			id: c.id,
			name: 'Ada',
			source: 'My CRM',
			phaseId: phase.id,
			primaryAttachment: { contactId: ada, value: ada, attachmentType: 'ContactType' },
		});
		expect(info.updatedAt).toBe(info.updatedDate);
		// The win phase is listed nowhere among the active phases and cannot be made through the API.
		const { phases, pagination } = await ok('GET', `${V1}/workflows/${created.id}/phases`);
		expect(phases.map((p: any) => p.info.name)).toEqual(['New Lead']);
		expect(pagination).toEqual({ offset: 0, limit: 1, total: 1, count: 1 });
	});

	it('answers under both prefixes, and {} for update and delete', async () => {
		const { id } = await ok('POST', '/workflows/api/v1/workflows', { workflow: { name: 'A' } });
		expect(
			await ok('PATCH', `/workflows/api/v1/workflows/${id}`, { workflow: { name: 'B' } }),
		).toEqual({});
		expect((await ok('GET', `${V1}/workflows/${id}`)).workflow.info.name).toBe('B');
		expect(await ok('DELETE', `${V1}/workflows/${id}`)).toEqual({});
		expect((await fails('GET', `/workflows/api/v1/workflows/${id}`)).code).toBe(
			'WORKFLOW_NOT_FOUND',
		);
	});

	it('lists by name (code-unit order) with the pagination block, sorts and pages on request', async () => {
		for (const name of ['abc', 'XYZ', 'Mid'])
			await ok('POST', `${V1}/workflows`, { workflow: { name } });
		const all = await ok('GET', `${V1}/workflows`);
		expect(all.workflows.map((w: any) => w.name)).toEqual(['Mid', 'XYZ', 'abc']);
		expect(all.workflows[0].info).toBeUndefined();
		expect(all.pagination).toEqual({ offset: 0, limit: 3, total: 3, count: 3 });
		const page = await ok('GET', `${V1}/workflows?limit=1&offset=1&sort=name:desc`);
		expect(page.workflows.map((w: any) => w.name)).toEqual(['XYZ']);
		expect(page.pagination).toEqual({ offset: 1, limit: 1, total: 3, count: 1 });
		expect((await fails('GET', `${V1}/workflows?sort=color:asc`)).status).toBe(400);
	});

	it('refuses a 31st workflow with 403', async () => {
		for (let k = 0; k < 30; k++)
			await ok('POST', `${V1}/workflows`, { workflow: { name: `W${k}` } });
		const refused = await fails('POST', `${V1}/workflows`, { workflow: { name: 'one too many' } });
		expect(refused.status).toBe(403);
		expect(refused.code).toBe('WORKFLOWS_LIMIT_REACHED');
	});

	it('deletes phases and cards with the workflow', async () => {
		const { id, phases } = await funnel();
		const c = await ok(
			'POST',
			`${V1}/workflows/${id}/phases/${phases[0]}/cards`,
			card('A', await contact('A')),
		);
		await ok('DELETE', `${V1}/workflows/${id}`);
		expect((await fails('GET', `${V1}/phases/${phases[0]}`)).code).toBe('PHASE_NOT_FOUND');
		expect((await fails('GET', `${V1}/cards/${c.id}`)).code).toBe('CARD_NOT_FOUND');
	});
});

describe('phases', () => {
	const names = async (workflowId: string) =>
		(await ok('GET', `${V1}/workflows/${workflowId}/phases`)).phases.map((p: any) => p.info.name);

	it('inserts at 0-based positions, shifting the rest; moves shift too', async () => {
		const { id, phases } = await funnel();
		await ok('POST', `${V1}/workflows/${id}/phases`, { phase: { name: 'Met' }, position: 2 });
		expect(await names(id)).toEqual([
			'New Lead',
			'Contacted',
			'Met',
			'Qualified',
			'Proposal Sent',
			'Negotiating',
		]);
		expect(
			await ok('POST', `${V1}/workflows/${id}/phases/${phases[4]}/move`, { newPosition: 0 }),
		).toEqual({});
		expect(await names(id)).toEqual([
			'Negotiating',
			'New Lead',
			'Contacted',
			'Met',
			'Qualified',
			'Proposal Sent',
		]);
		await ok('POST', `${V1}/workflows/${id}/phases/${phases[4]}/move`, { newPosition: 5 });
		expect((await names(id))[5]).toBe('Negotiating');
		const page = await ok('GET', `${V1}/workflows/${id}/phases?limit=2&offset=1&sort=name:asc`);
		expect(page.phases.map((p: any) => p.info.name)).toEqual(['Met', 'Negotiating']);
		expect(page.pagination).toEqual({ offset: 1, limit: 2, total: 6, count: 2 });
	});

	it('refuses positions out of range, a move without newPosition, and moving or deleting the win phase', async () => {
		const { id, phases, win } = await funnel();
		expect(
			(await fails('POST', `${V1}/workflows/${id}/phases`, { phase: { name: 'X' }, position: 6 }))
				.status,
		).toBe(400);
		expect(
			(await fails('POST', `${V1}/workflows/${id}/phases/${phases[0]}/move`, { newPosition: 5 }))
				.status,
		).toBe(400);
		expect((await fails('POST', `${V1}/workflows/${id}/phases/${phases[0]}/move`, {})).status).toBe(
			400,
		);
		expect(
			(await fails('POST', `${V1}/workflows/${id}/phases/${win}/move`, { newPosition: 0 })).code,
		).toBe('WIN_PHASE_IS_FIXED');
		expect((await fails('DELETE', `${V1}/phases/${win}`)).code).toBe('WIN_PHASE_IS_FIXED');
		expect((await fails('POST', `${V1}/workflows/${id}/phases`, { phase: {} })).status).toBe(400);
		expect(
			(await fails('POST', `${V1}/workflows/nope/phases`, { phase: { name: 'X' } })).code,
		).toBe('WORKFLOW_NOT_FOUND');
	});

	it('gets a phase with its cards, renames it, deletes it with its cards', async () => {
		const { id, phases } = await funnel();
		const c = await ok(
			'POST',
			`${V1}/workflows/${id}/phases/${phases[1]}/cards`,
			card('A', await contact('A')),
		);
		const { phase } = await ok('GET', `${V1}/phases/${phases[1]}`);
		expect(phase).toMatchObject({
			info: { id: phases[1], name: 'Contacted' },
			cardsList: { total: 1 },
		});
		expect(await ok('PATCH', `${V1}/phases/${phases[1]}`, { phase: { name: 'Called' } })).toEqual(
			{},
		);
		expect((await ok('GET', `${V1}/phases/${phases[1]}`)).phase.info.name).toBe('Called');
		expect(await ok('DELETE', `${V1}/phases/${phases[1]}`)).toEqual({});
		expect((await fails('GET', `${V1}/cards/${c.id}`)).code).toBe('CARD_NOT_FOUND');
		expect(await names(id)).not.toContain('Called');
	});
});

describe('cards', () => {
	const order = async (phaseId: string) =>
		(await ok('GET', `${V1}/phases/${phaseId}`)).phase.cardsList.cards.map((c: any) => c.info.name);

	it('goes to the bottom by default, or to a 0-based position that shifts the rest', async () => {
		const { id, phases } = await funnel();
		const path = `${V1}/workflows/${id}/phases/${phases[0]}/cards`;
		await ok('POST', path, card('A', await contact('A')));
		await ok('POST', path, card('B', await contact('B')));
		await ok('POST', path, { ...card('C', await contact('C')), position: 0 });
		await ok('POST', path, { ...card('D', await contact('D')), position: 2 });
		expect(await order(phases[0])).toEqual(['C', 'A', 'D', 'B']);
		expect(
			(await fails('POST', path, { ...card('E', await contact('E')), position: 5 })).status,
		).toBe(400);
	});

	it('moves within and across phases, positions shifting; {} answers', async () => {
		const { id, phases } = await funnel();
		const path = `${V1}/workflows/${id}/phases/${phases[0]}/cards`;
		const ids: string[] = [];
		for (const n of ['A', 'B', 'C'])
			ids.push((await ok('POST', path, card(n, await contact(n)))).id);
		expect(
			await ok('POST', `${V1}/cards/${ids[2]}/move`, { newPhaseId: phases[0], newPosition: 0 }),
		).toEqual({});
		expect(await order(phases[0])).toEqual(['C', 'A', 'B']);
		await ok('POST', `${V1}/cards/${ids[0]}/move`, { newPhaseId: phases[2], newPosition: 0 });
		expect(await order(phases[0])).toEqual(['C', 'B']);
		expect(await order(phases[2])).toEqual(['A']);
		expect((await ok('GET', `${V1}/cards/${ids[0]}`)).card.info.phaseId).toBe(phases[2]);
		expect(
			(await fails('POST', `${V1}/cards/${ids[1]}/move`, { newPhaseId: phases[2], newPosition: 2 }))
				.status,
		).toBe(400);
		expect((await fails('POST', `${V1}/cards/${ids[1]}/move`, { newPhaseId: 'nope' })).code).toBe(
			'PHASE_NOT_FOUND',
		);
		const other = await funnel('Other');
		expect(
			(await fails('POST', `${V1}/cards/${ids[1]}/move`, { newPhaseId: other.phases[0] })).code,
		).toBe('PHASE_NOT_IN_WORKFLOW');
	});

	it('keeps one active card per contact per workflow; the win phase, archiving and deleting free it', async () => {
		const { id, phases, win } = await funnel();
		const ada = await contact('Ada');
		const path = (phase: string) => `${V1}/workflows/${id}/phases/${phase}/cards`;
		const first = (await ok('POST', path(phases[0]), card('Ada', ada))).id;
		const second = await fails('POST', path(phases[1]), card('Ada again', ada));
		expect(second).toMatchObject({ status: 400, code: 'CONTACT_HAS_ACTIVE_CARD' });
		expect(second.body.details.applicationError.data.cardId).toBe(first);
		// Another workflow may hold the same contact.
		const other = await funnel('Other');
		await ok(
			'POST',
			`${V1}/workflows/${other.id}/phases/${other.phases[0]}/cards`,
			card('Ada', ada),
		);
		await ok('POST', `${V1}/cards/${first}/move`, { newPhaseId: win });
		const next = (await ok('POST', path(phases[0]), card('Ada 2', ada))).id;
		expect((await fails('POST', `${V1}/cards/${first}/move`, { newPhaseId: phases[1] })).code).toBe(
			'CONTACT_HAS_ACTIVE_CARD',
		);
		await ok('POST', `${V1}/cards/${next}/archive`);
		const third = (await ok('POST', path(phases[0]), card('Ada 3', ada))).id;
		expect(
			(await fails('POST', `${V1}/cards/${next}/restore`, { newPhaseId: phases[0] })).code,
		).toBe('CONTACT_HAS_ACTIVE_CARD');
		await ok('DELETE', `${V1}/cards/${third}`);
		await ok('POST', path(phases[0]), card('Ada 4', ada));
		// Several cards for one contact may sit in the win phase.
		await ok('POST', path(win), card('Ada won', ada));
	});

	it('refuses unknown contacts and missing names', async () => {
		const { id, phases } = await funnel();
		const path = `${V1}/workflows/${id}/phases/${phases[0]}/cards`;
		expect(
			(await fails('POST', path, card('X', '00000000-0000-0000-0000-000000000000'))).code,
		).toBe('CONTACT_NOT_FOUND');
		expect((await fails('POST', path, { card: { name: 'X' } })).status).toBe(400);
		expect((await fails('POST', path, card('', await contact('A')))).status).toBe(400);
		expect(
			(
				await fails(
					'POST',
					`${V1}/workflows/${id}/phases/nope/cards`,
					card('X', await contact('B')),
				)
			).code,
		).toBe('PHASE_NOT_FOUND');
	});

	it('archives (hidden, Get answers {}), lists archived on request, restores, deletes', async () => {
		const { id, phases } = await funnel();
		const path = `${V1}/workflows/${id}/phases/${phases[0]}/cards`;
		const a = (await ok('POST', path, card('A', await contact('A')))).id;
		const b = (await ok('POST', path, card('B', await contact('B')))).id;
		expect(await ok('POST', `${V1}/cards/${a}/archive`)).toEqual({});
		expect(await ok('GET', `${V1}/cards/${a}`)).toEqual({});
		const active = await ok('GET', `${V1}/workflows/${id}/cards`);
		expect(active.cards.map((c: any) => c.info.id)).toEqual([b]);
		expect(active.pagination).toEqual({ offset: 0, limit: 50, total: 1, count: 1 });
		const archived = await ok('GET', `${V1}/workflows/${id}/cards?fetchArchived=true`);
		expect(archived.cards.map((c: any) => c.info.id)).toEqual([a]);
		expect(
			(await ok('GET', `${V1}/workflows/${id}`)).workflow.phasesList.phases[0].cardsList.total,
		).toBe(1);
		expect((await fails('POST', `${V1}/cards/${a}/move`, { newPhaseId: phases[1] })).code).toBe(
			'CARD_ARCHIVED',
		);
		expect((await fails('POST', `${V1}/cards/${a}/restore`, {})).status).toBe(400);
		expect(
			await ok('POST', `${V1}/cards/${a}/restore`, { newPhaseId: phases[1], newPosition: 0 }),
		).toEqual({});
		expect((await ok('GET', `${V1}/cards/${a}`)).card.info.phaseId).toBe(phases[1]);
		expect((await fails('POST', `${V1}/cards/${b}/restore`, { newPhaseId: phases[1] })).code).toBe(
			'CARD_NOT_ARCHIVED',
		);
		expect(await ok('DELETE', `${V1}/cards/${a}`)).toEqual({});
		expect((await fails('GET', `${V1}/cards/${a}`)).status).toBe(404);
	});

	it('lists by phase and by contact, in display order, paged and sorted', async () => {
		const { id, phases, win } = await funnel();
		const path = (p: string) => `${V1}/workflows/${id}/phases/${p}/cards`;
		const ada = await contact('Ada');
		await ok('POST', path(win), card('Won', ada));
		await ok('POST', path(phases[1]), card('Second', await contact('B')));
		await ok('POST', path(phases[0]), card('First', ada));
		const all = await ok('GET', `${V1}/workflows/${id}/cards`);
		expect(all.cards.map((c: any) => c.info.name)).toEqual(['First', 'Second', 'Won']);
		const byPhase = await ok('GET', `${V1}/workflows/${id}/cards?phaseId=${phases[1]}`);
		expect(byPhase.cards.map((c: any) => c.info.name)).toEqual(['Second']);
		const byContact = await ok(
			'GET',
			`${V1}/workflows/${id}/cards?attachmentValue=${ada}&sort=name:desc`,
		);
		expect(byContact.cards.map((c: any) => c.info.name)).toEqual(['Won', 'First']);
		const page = await ok('GET', `${V1}/workflows/${id}/cards?limit=1&offset=2`);
		expect(page.pagination).toEqual({ offset: 2, limit: 1, total: 3, count: 1 });
	});

	it('updates with `cardInfo` and answers {}', async () => {
		const { id, phases } = await funnel();
		const a = (
			await ok(
				'POST',
				`${V1}/workflows/${id}/phases/${phases[0]}/cards`,
				card('A', await contact('A')),
			)
		).id;
		const bob = await contact('Bob');
		expect(
			await ok('PATCH', `${V1}/cards/${a}`, {
				cardInfo: { name: 'A2', description: 'hot', primaryAttachment: { contactId: bob } },
			}),
		).toEqual({});
		const { info } = (await ok('GET', `${V1}/cards/${a}`)).card;
		expect(info).toMatchObject({
			name: 'A2',
			description: 'hot',
			primaryAttachment: { contactId: bob, value: bob },
		});
		expect(Date.parse(info.updatedDate)).toBeGreaterThanOrEqual(Date.parse(info.createdDate));
	});

	it('caps a workflow at 5000 cards', async () => {
		const { id, win } = await funnel();
		const ada = await contact('Ada');
		const path = `${V1}/workflows/${id}/phases/${win}/cards`;
		for (let k = 0; k < 5000; k += 100)
			await Promise.all(Array.from({ length: 100 }, () => ok('POST', path, card('C', ada))));
		const refused = await fails('POST', path, card('C', ada));
		expect(refused).toMatchObject({ status: 400, code: 'CARDS_LIMIT_REACHED' });
	});
});

describe('events', () => {
	const receiver = useWebhookReceiver();
	beforeEach(async () => {
		await admin(sandbox, 'DELETE', '/webhooks');
		await admin(sandbox, 'POST', '/webhooks', {
			url: receiver.url,
			contentType: 'application/json',
		});
	});
	afterAll(async () => {
		await admin(sandbox, 'DELETE', '/webhooks');
	});

	it('sends signed card_created, card_updated and card_deleted events', async () => {
		const { id, phases } = await funnel();
		const a = (
			await ok(
				'POST',
				`${V1}/workflows/${id}/phases/${phases[0]}/cards`,
				card('A', await contact('A')),
			)
		).id;
		await ok('POST', `${V1}/cards/${a}/move`, { newPhaseId: phases[1] });
		await ok('POST', `${V1}/cards/${a}/archive`);
		await ok('DELETE', `${V1}/cards/${a}`);
		await admin(sandbox, 'GET', '/webhooks/deliveries');
		const events = signedEvents(receiver.received, sandbox.creds.publicKey).filter((e) =>
			e.eventType.startsWith('wix.workflows'),
		);
		expect(events.map((e) => e.eventType)).toEqual([
			'wix.workflows.v1.card_created',
			'wix.workflows.v1.card_updated',
			'wix.workflows.v1.card_updated',
			'wix.workflows.v1.card_deleted',
		]);
		expect(events[0].event).toMatchObject({ entityFqdn: 'wix.workflows.v1.card', entityId: a });
		expect(events[0].event.createdEvent.entity.info).toMatchObject({ id: a, phaseId: phases[0] });
		expect(events[1].event.updatedEvent.currentEntity.info.phaseId).toBe(phases[1]);
		expect(events[3].event.deletedEvent).toEqual({});
	});

	it('fires "Workflow Card Added or Moved" automations when a card is added, moved or restored', async () => {
		await ok('POST', '/automations-service/v2/automations', {
			automation: {
				name: 'cards',
				configuration: {
					trigger: {
						appId: 'ea2821fc-7d97-40a9-9f75-772f29178430',
						triggerKey: 'wix_workflows-card_added_or_moved',
					},
					rootActionIds: ['a'],
					actions: {
						a: {
							type: 'APP_DEFINED',
							appDefinedInfo: {
								appId: '139ef4fa-c108-8f9a-c7be-d5f492a2c939',
								actionKey: 'webhooks-action',
								inputMapping: { url: `${receiver.url}?automation=1` },
							},
						},
					},
				},
			},
		});
		const { id, phases } = await funnel();
		const ada = await contact('Ada');
		const a = (
			await ok('POST', `${V1}/workflows/${id}/phases/${phases[0]}/cards`, card('Ada', ada))
		).id;
		await ok('POST', `${V1}/cards/${a}/move`, { newPhaseId: phases[0], newPosition: 0 });
		await ok('POST', `${V1}/cards/${a}/move`, { newPhaseId: phases[2] });
		await ok('PATCH', `${V1}/cards/${a}`, { cardInfo: { name: 'Ada L' } });
		await admin(sandbox, 'GET', '/webhooks/deliveries');
		const fired = receiver.received
			.filter((r) => r.body.startsWith('{'))
			.map((r) => JSON.parse(r.body).data);
		expect(fired).toHaveLength(2);
		expect(fired[0]).toMatchObject({
			triggerKey: 'wix_workflows-card_added_or_moved',
			cardId: a,
			contactId: ada,
			workflowId: id,
			workflowName: 'Lead Funnel',
			phaseId: phases[0],
			phaseName: 'New Lead',
		});
		expect(fired[1]).toMatchObject({
			phaseId: phases[2],
			previousPhaseId: phases[0],
			previousPhaseName: 'New Lead',
		});
	});
});

describe('admin', () => {
	it('shows workflows with card counts per phase, and lowers limits', async () => {
		const { id, phases } = await funnel();
		await ok(
			'POST',
			`${V1}/workflows/${id}/phases/${phases[0]}/cards`,
			card('A', await contact('A')),
		);
		const { workflows, cards } = await admin(sandbox, 'GET', '/workflows');
		expect(workflows[0].phases.map((p: any) => p.cards)).toEqual([1, 0, 0, 0, 0, 0]);
		expect(workflows[0].phases[5]).toMatchObject({ name: 'Win', win: true });
		expect(cards[0]).toMatchObject({ name: 'A', workflowId: id, archived: false });
		await admin(sandbox, 'POST', '/workflows/limits', { workflowsPerSite: 1 });
		expect((await fails('POST', `${V1}/workflows`, { workflow: { name: 'B' } })).status).toBe(403);
	});

	it('seeds demo with a pipeline and a legacy workflow holding cards on demo contacts', async () => {
		await admin(sandbox, 'POST', '/reset', { seed: 'demo' });
		const { workflows } = await ok('GET', `${V1}/workflows`);
		expect(workflows.map((w: any) => w.name)).toEqual(['Lead Funnel']);
		const cards = await ok('GET', `${V1}/workflows/${workflows[0].id}/cards`);
		expect(cards.cards.length).toBeGreaterThan(2);
		const { pipelines } = await ok('POST', '/crm/pipelines/v1/pipelines/query', {});
		expect(pipelines.map((p: any) => p.name)).toEqual(['Sales Pipeline']);
		const won = await ok('POST', '/crm/pipelines/v1/cards/search', {
			search: { filter: { outcome: 'WON' } },
		});
		expect(won.cards).toHaveLength(1);
		expect(won.cards[0].mainContact.contactId).toBeTruthy();
	});
});
