/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// CRM Pipelines & Cards in the sandbox over HTTP (wix-api.md C.6 and the SDK types): stages and
// the done stage, outcomes, revisions, cursor paging, every error the node turns into a message.
import { admin, useTestSandbox, wix } from '../helpers/sandbox';
import { signedEvents, useWebhookReceiver } from '../helpers/webhookReceiver';

const sandbox = useTestSandbox();
const V1 = '/crm/pipelines/v1';
const STAGES = ['New Lead', 'Contacted', 'Qualified', 'Proposal Sent', 'Negotiating'];

async function ok(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
	return result;
}

async function fails(method: string, path: string, body?: unknown) {
	const { status, body: result } = await wix(sandbox, method, path, body);
	return { status, code: result.details?.applicationError?.code, body: result };
}

/** A GET the way the SDK sends a request with nested objects: the whole payload in `.r`. */
const dotR = (payload: unknown) =>
	`.r=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;

async function contact(first: string, email?: string): Promise<string> {
	const info = { name: { first }, ...(email ? { emails: { items: [{ email }] } } : {}) };
	return (await ok('POST', '/contacts/v4/contacts', { info })).contact.id;
}

async function pipeline(name = 'Sales', allowedOutcomes = ['WON', 'LOST']) {
	return (
		await ok('POST', `${V1}/pipelines`, {
			pipeline: {
				name,
				stages: STAGES.map((n) => ({ name: n })),
				doneStage: { name: 'Done', allowedOutcomes },
			},
		})
	).pipeline;
}

async function newCard(p: any, stage: number, extra: Record<string, unknown> = {}) {
	return (
		await ok('POST', `${V1}/cards`, {
			card: { name: 'Deal', pipelineId: p.id, stageId: p.stages[stage].id, ...extra },
		})
	).card;
}

describe('pipelines', () => {
	it('creates with ordered stages and a done stage; string revisions; get, update, delete', async () => {
		const p = await pipeline();
		expect(p).toMatchObject({ name: 'Sales', revision: '1', currency: 'USD' });
		expect(p.stages.map((s: any) => s.name)).toEqual(STAGES);
		expect(p.doneStage).toMatchObject({ name: 'Done', allowedOutcomes: ['WON', 'LOST'] });
		expect(new Set([...p.stages.map((s: any) => s.id), p.doneStage.id]).size).toBe(6);
		expect((await ok('GET', `${V1}/pipelines/${p.id}`)).pipeline).toEqual(p);
		// Rename a stage, reorder, add one: stages named by ID keep it.
		const stages = [
			p.stages[1],
			{ ...p.stages[0], name: 'Lead' },
			...p.stages.slice(2),
			{ name: 'Closing' },
		];
		const updated = (
			await ok('PATCH', `${V1}/pipelines/${p.id}`, {
				pipeline: { revision: '1', name: 'Sales 2', stages },
			})
		).pipeline;
		expect(updated.revision).toBe('2');
		expect(updated.stages.map((s: any) => s.name)).toEqual([
			'Contacted',
			'Lead',
			'Qualified',
			'Proposal Sent',
			'Negotiating',
			'Closing',
		]);
		expect(updated.stages[1].id).toBe(p.stages[0].id);
		expect(updated.doneStage).toEqual(p.doneStage);
		expect(await ok('DELETE', `${V1}/pipelines/${p.id}`)).toEqual({});
		expect((await fails('GET', `${V1}/pipelines/${p.id}`)).code).toBe('PIPELINE_NOT_FOUND');
	});

	it('takes 1 to 30 stages and a done stage with 1 to 3 distinct outcomes', async () => {
		const base = { name: 'P', doneStage: { name: 'Done', allowedOutcomes: ['WON'] } };
		const create = (pipeline: Record<string, unknown>) =>
			fails('POST', `${V1}/pipelines`, { pipeline });
		expect((await create({ ...base, stages: [] })).status).toBe(400);
		const thirty = Array.from({ length: 30 }, (_, k) => ({ name: `S${k}` }));
		expect(
			(await ok('POST', `${V1}/pipelines`, { pipeline: { ...base, stages: thirty } })).pipeline
				.stages,
		).toHaveLength(30);
		expect((await create({ ...base, stages: [...thirty, { name: 'S30' }] })).status).toBe(400);
		expect((await create({ ...base, stages: [{ name: 'x'.repeat(41) }] })).status).toBe(400);
		expect((await create({ ...base, name: 'x'.repeat(61), stages: [{ name: 'A' }] })).status).toBe(
			400,
		);
		const outcomes = (allowedOutcomes: unknown) =>
			create({ name: 'P', stages: [{ name: 'A' }], doneStage: { name: 'Done', allowedOutcomes } });
		expect((await outcomes([])).status).toBe(400);
		expect((await outcomes(['WON', 'WON'])).status).toBe(400);
		expect((await outcomes(['MAYBE'])).status).toBe(400);
		expect((await create({ name: 'P', stages: [{ name: 'A' }] })).status).toBe(400);
	});

	it('refuses stale and missing revisions, unknown stage IDs, removing the done stage or a stage with cards', async () => {
		const p = await pipeline();
		await newCard(p, 0);
		const patch = (pipeline: Record<string, unknown>) =>
			fails('PATCH', `${V1}/pipelines/${p.id}`, { pipeline });
		expect(await patch({ name: 'X' })).toMatchObject({ status: 400, code: 'REVISION_MISSING' });
		await ok('PATCH', `${V1}/pipelines/${p.id}`, { pipeline: { revision: '1', name: 'X' } });
		expect(await patch({ revision: '1', name: 'Y' })).toMatchObject({
			status: 409,
			code: 'REVISION_MISMATCH',
		});
		expect((await patch({ revision: '2', stages: [{ id: 'nope', name: 'A' }] })).code).toBe(
			'STAGE_NOT_FOUND',
		);
		expect((await patch({ revision: '2', stages: p.stages.slice(1) })).code).toBe(
			'CANNOT_DELETE_STAGE_WITH_CARDS',
		);
		expect((await patch({ revision: '2', stages: [p.stages[0], p.stages[0]] })).code).toBe(
			'STAGE_IDS_MUST_BE_UNIQUE',
		);
		expect((await patch({ revision: '2', doneStage: null })).code).toBe(
			'CANNOT_DELETE_PIPELINE_DONE_STAGE',
		);
		expect((await patch({ revision: '2', currency: 'EUR' })).status).toBe(400);
		// A stage without cards may go.
		const kept = await ok('PATCH', `${V1}/pipelines/${p.id}`, {
			pipeline: { revision: '2', stages: p.stages.slice(0, 4) },
		});
		expect(kept.pipeline.stages).toHaveLength(4);
	});

	it('refuses to delete a pipeline with cards (CANNOT_DELETE_NON_EMPTY_PIPELINE)', async () => {
		const p = await pipeline();
		const c = await newCard(p, 0);
		expect(await fails('DELETE', `${V1}/pipelines/${p.id}`)).toMatchObject({
			status: 400,
			code: 'CANNOT_DELETE_NON_EMPTY_PIPELINE',
		});
		await ok('DELETE', `${V1}/cards/${c.id}`);
		await ok('DELETE', `${V1}/pipelines/${p.id}`);
	});

	it('stops at the site limit with MAX_PIPELINES_REACHED', async () => {
		for (let k = 0; k < 10; k++) await pipeline(`P${k}`);
		const refused = await fails('POST', `${V1}/pipelines`, {
			pipeline: {
				name: 'one more',
				stages: [{ name: 'A' }],
				doneStage: { name: 'D', allowedOutcomes: ['WON'] },
			},
		});
		expect(refused).toMatchObject({ status: 400, code: 'MAX_PIPELINES_REACHED' });
		expect(refused.body.details.applicationError.data).toEqual({ limit: 10 });
	});

	it('queries through `.r` GETs and POSTs with cursor paging, a name filter and name order', async () => {
		for (const name of ['Alpha', 'Beta', 'Gamma']) await pipeline(name);
		const first = await ok(
			'GET',
			`${V1}/pipelines/query?${dotR({ query: { sort: [{ fieldName: 'name', order: 'ASC' }], cursorPaging: { limit: 2 } } })}`,
		);
		expect(first.pipelines.map((p: any) => p.name)).toEqual(['Alpha', 'Beta']);
		expect(first.pagingMetadata).toMatchObject({ count: 2, hasNext: true });
		const next = await ok('POST', `${V1}/pipelines/query`, {
			query: { cursorPaging: { limit: 2, cursor: first.pagingMetadata.cursors.next } },
		});
		expect(next.pipelines.map((p: any) => p.name)).toEqual(['Gamma']);
		expect(next.pagingMetadata.hasNext).toBe(false);
		const named = await ok('POST', `${V1}/pipelines/query`, {
			query: {
				filter: { name: { $startsWith: 'b' } },
				sort: [{ fieldName: 'name', order: 'ASC' }],
			},
		});
		expect(named.pipelines.map((p: any) => p.name)).toEqual(['Beta']);
		expect(
			(
				await fails('POST', `${V1}/pipelines/query`, {
					query: { sort: [{ fieldName: 'name', order: 'DESC' }] },
				})
			).status,
		).toBe(400);
		expect(
			(await fails('POST', `${V1}/pipelines/query`, { query: { filter: { currency: 'USD' } } }))
				.status,
		).toBe(400);
	});
});

describe('cards', () => {
	it('creates with contacts copied in, defaults, value in the pipeline currency', async () => {
		const p = await pipeline();
		const ada = await contact('Ada', 'ada@example.com');
		const bob = await contact('Bob');
		const card = await newCard(p, 1, {
			name: 'Ada deal',
			mainContact: { contactId: ada },
			additionalContacts: [{ contactId: bob }],
			value: { value: '1200.50' },
			dueDate: '2030-01-01T00:00:00.000Z',
			tags: { privateTags: { tagIds: ['deal-42'] } },
		});
		expect(card).toMatchObject({
			revision: '1',
			pipelineId: p.id,
			stageId: p.stages[1].id,
			priority: 'P3_MEDIUM',
			outcome: 'NONE',
			value: { value: '1200.50', currency: 'USD' },
			mainContact: { contactId: ada, firstName: 'Ada', email: 'ada@example.com' },
			additionalContacts: [{ contactId: bob, firstName: 'Bob' }],
			tags: { privateTags: { tagIds: ['deal-42'] } },
		});
		expect((await ok('GET', `${V1}/cards/${card.id}`)).card).toEqual(card);
	});

	it('answers PIPELINE_NOT_FOUND, STAGE_NOT_FOUND, CONTACTS_NOT_FOUND and the other create errors', async () => {
		const p = await pipeline();
		const other = await pipeline('Other');
		const create = (card: Record<string, unknown>) =>
			fails('POST', `${V1}/cards`, { card: { name: 'D', ...card } });
		expect(
			await create({ pipelineId: '00000000-0000-0000-0000-000000000000', stageId: p.stages[0].id }),
		).toMatchObject({
			status: 404,
			code: 'PIPELINE_NOT_FOUND',
		});
		expect((await create({ pipelineId: p.id, stageId: other.stages[0].id })).code).toBe(
			'STAGE_NOT_FOUND',
		);
		const ghost = '11111111-1111-1111-1111-111111111111';
		const missing = await create({
			pipelineId: p.id,
			stageId: p.stages[0].id,
			mainContact: { contactId: ghost },
		});
		expect(missing).toMatchObject({ status: 404, code: 'CONTACTS_NOT_FOUND' });
		expect(missing.body.details.applicationError.data).toEqual({ contactIds: [ghost] });
		expect(
			(
				await create({
					pipelineId: p.id,
					stageId: p.stages[0].id,
					additionalContacts: [{ contactId: await contact('A') }],
				})
			).code,
		).toBe('ADDITIONAL_CONTACTS_WITHOUT_MAIN_CONTACT');
		expect((await create({ pipelineId: p.id, stageId: p.stages[0].id, outcome: 'WON' })).code).toBe(
			'INVALID_OUTCOME',
		);
		expect((await create({ pipelineId: p.id, stageId: p.stages[0].id, name: '' })).status).toBe(
			400,
		);
		expect(
			(await create({ pipelineId: p.id, stageId: p.stages[0].id, value: { value: '1.999' } }))
				.status,
		).toBe(400);
		expect(
			(await create({ pipelineId: p.id, stageId: p.stages[0].id, priority: 'P0' })).status,
		).toBe(400);
	});

	it('moves with the revision; WON/LOST only into the done stage, and only allowed outcomes', async () => {
		const p = await pipeline('Sales', ['WON', 'LOST']);
		const card = await newCard(p, 0);
		const move = (body: Record<string, unknown>) =>
			wix(sandbox, 'PATCH', `${V1}/cards/move/${card.id}`, body);
		const moved = await move({ stageId: p.stages[2].id, revision: '1' });
		expect(moved.status).toBe(200);
		expect(moved.body.card).toMatchObject({
			stageId: p.stages[2].id,
			revision: '2',
			outcome: 'NONE',
		});
		expect(
			(
				await fails('PATCH', `${V1}/cards/move/${card.id}`, {
					stageId: p.stages[3].id,
					revision: '1',
				})
			).code,
		).toBe('REVISION_MISMATCH');
		expect(
			(await fails('PATCH', `${V1}/cards/move/${card.id}`, { stageId: p.stages[3].id })).code,
		).toBe('REVISION_MISSING');
		expect(
			(
				await fails('PATCH', `${V1}/cards/move/${card.id}`, {
					stageId: p.stages[3].id,
					revision: '2',
					outcome: 'WON',
				})
			).code,
		).toBe('INVALID_OUTCOME');
		// NONE is not among this done stage's outcomes, so entering it needs WON or LOST.
		expect(
			(
				await fails('PATCH', `${V1}/cards/move/${card.id}`, {
					stageId: p.doneStage.id,
					revision: '2',
				})
			).code,
		).toBe('INVALID_OUTCOME');
		const other = await pipeline('Other');
		expect(
			(
				await fails('PATCH', `${V1}/cards/move/${card.id}`, {
					stageId: other.stages[0].id,
					revision: '2',
				})
			).code,
		).toBe('STAGE_NOT_FOUND');
		const won = (
			await ok('PATCH', `${V1}/cards/move/${card.id}`, {
				stageId: p.doneStage.id,
				revision: '2',
				outcome: 'WON',
			})
		).card;
		expect(won).toMatchObject({ stageId: p.doneStage.id, outcome: 'WON', revision: '3' });
		// Leaving the done stage clears the outcome.
		const back = (
			await ok('PATCH', `${V1}/cards/move/${card.id}`, { stageId: p.stages[0].id, revision: '3' })
		).card;
		expect(back.outcome).toBe('NONE');
		const onlyWon = await pipeline('Won only', ['WON']);
		const c2 = await newCard(onlyWon, 0);
		expect(
			(
				await fails('PATCH', `${V1}/cards/move/${c2.id}`, {
					stageId: onlyWon.doneStage.id,
					revision: '1',
					outcome: 'LOST',
				})
			).code,
		).toBe('INVALID_OUTCOME');
	});

	it('updates with the revision (REVISION_MISSING, stale 409), a stage change being a move', async () => {
		const p = await pipeline();
		const card = await newCard(p, 0);
		const patch = (c: Record<string, unknown>) =>
			fails('PATCH', `${V1}/cards/${card.id}`, { card: c });
		expect((await patch({ name: 'X' })).code).toBe('REVISION_MISSING');
		const updated = (
			await ok('PATCH', `${V1}/cards/${card.id}`, {
				card: { revision: '1', name: 'Renamed', priority: 'P1_URGENT' },
			})
		).card;
		expect(updated).toMatchObject({ name: 'Renamed', priority: 'P1_URGENT', revision: '2' });
		expect(await patch({ revision: '1', name: 'Y' })).toMatchObject({
			status: 409,
			code: 'REVISION_MISMATCH',
		});
		expect((await patch({ revision: '2', name: '' })).code).toBe('CANNOT_REMOVE_NAME');
		expect((await patch({ revision: '2', outcome: 'LOST' })).code).toBe('INVALID_OUTCOME');
		expect((await patch({ revision: '2', stageId: 'nope' })).code).toBe('STAGE_NOT_FOUND');
		expect(
			(
				await patch({
					revision: '2',
					mainContact: { contactId: '22222222-2222-2222-2222-222222222222' },
				})
			).code,
		).toBe('CONTACTS_NOT_FOUND');
		const done = (
			await ok('PATCH', `${V1}/cards/${card.id}`, {
				card: { revision: '2', stageId: p.doneStage.id, outcome: 'LOST' },
			})
		).card;
		expect(done).toMatchObject({ stageId: p.doneStage.id, outcome: 'LOST', revision: '3' });
		expect(await ok('DELETE', `${V1}/cards/${card.id}`)).toEqual({});
		expect((await fails('GET', `${V1}/cards/${card.id}`)).code).toBe('CARD_NOT_FOUND');
	});

	it('queries by pipeline and stage with cursor paging; searches by contact, outcome and text', async () => {
		const p = await pipeline();
		const other = await pipeline('Other');
		const ada = await contact('Ada', 'ada@example.com');
		const ids: string[] = [];
		for (let k = 0; k < 5; k++) ids.push((await newCard(p, k % 2, { name: `Deal ${k}` })).id);
		const adaCard = await newCard(p, 2, { name: 'Ada deal', mainContact: { contactId: ada } });
		await newCard(other, 0);
		await ok('PATCH', `${V1}/cards/move/${ids[0]}`, {
			stageId: p.doneStage.id,
			revision: '1',
			outcome: 'WON',
		});
		const query = { query: { filter: { pipelineId: p.id }, cursorPaging: { limit: 4 } } };
		const first = await ok('GET', `${V1}/cards/query?${dotR(query)}`);
		expect(first.cards).toHaveLength(4);
		expect(first.cards[0].id).toBe(ids[0]);
		expect(first.pagingMetadata).toMatchObject({ count: 4, hasNext: true });
		const rest = await ok(
			'GET',
			`${V1}/cards/query?${dotR({ query: { cursorPaging: { cursor: first.pagingMetadata.cursors.next } } })}`,
		);
		expect(rest.cards).toHaveLength(2);
		expect(rest.pagingMetadata.hasNext).toBe(false);
		const inStage = await ok('POST', `${V1}/cards/query`, {
			query: { filter: { stageId: { $in: [p.stages[1].id] } } },
		});
		expect(inStage.cards.map((c: any) => c.name).sort()).toEqual(['Deal 1', 'Deal 3']);
		// Query filters only by ID, pipeline, stage and dates; contacts and outcome are Search's.
		expect(
			(await fails('POST', `${V1}/cards/query`, { query: { filter: { outcome: 'WON' } } })).status,
		).toBe(400);
		const byContact = await ok(
			'GET',
			`${V1}/cards/search?${dotR({ search: { filter: { 'mainContact.contactId': ada } } })}`,
		);
		expect(byContact.cards.map((c: any) => c.id)).toEqual([adaCard.id]);
		const wonCards = await ok('POST', `${V1}/cards/search`, {
			search: { filter: { outcome: 'WON', pipelineId: p.id } },
		});
		expect(wonCards.cards.map((c: any) => c.id)).toEqual([ids[0]]);
		const text = await ok('POST', `${V1}/cards/search`, {
			search: { search: { expression: 'ada@exa' } },
		});
		expect(text.cards.map((c: any) => c.id)).toEqual([adaCard.id]);
		const byStage = await ok('POST', `${V1}/cards/search-by-stage`, {
			pipelineId: p.id,
			stageIds: [p.stages[0].id, p.doneStage.id],
		});
		expect(byStage.results.map((r: any) => r.cards.length)).toEqual([2, 1]);
		expect(
			(await fails('POST', `${V1}/cards/query`, { query: { cursorPaging: { limit: 101 } } }))
				.status,
		).toBe(400);
		expect(
			(await fails('POST', `${V1}/cards/query`, { query: { cursorPaging: { cursor: 'garbage' } } }))
				.code,
		).toBe('INVALID_CURSOR');
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

	it('sends signed pipeline and card events; card_moved names both stages', async () => {
		const p = await pipeline();
		const card = await newCard(p, 0);
		await ok('PATCH', `${V1}/cards/${card.id}`, { card: { revision: '1', name: 'Renamed' } });
		await ok('PATCH', `${V1}/cards/move/${card.id}`, { stageId: p.stages[3].id, revision: '2' });
		await ok('DELETE', `${V1}/cards/${card.id}`);
		await ok('PATCH', `${V1}/pipelines/${p.id}`, { pipeline: { revision: '1', name: 'S2' } });
		await ok('DELETE', `${V1}/pipelines/${p.id}`);
		await admin(sandbox, 'GET', '/webhooks/deliveries');
		const events = signedEvents(receiver.received, sandbox.creds.publicKey);
		expect(events.map((e) => e.eventType)).toEqual([
			'wix.crm.pipelines.v1.pipeline_created',
			'wix.crm.pipelines.v1.card_created',
			'wix.crm.pipelines.v1.card_updated',
			'wix.crm.pipelines.v1.card_updated',
			'wix.crm.pipelines.v1.card_moved',
			'wix.crm.pipelines.v1.card_deleted',
			'wix.crm.pipelines.v1.pipeline_updated',
			'wix.crm.pipelines.v1.pipeline_deleted',
		]);
		expect(events[1].event.createdEvent.entity.id).toBe(card.id);
		expect(events[2].event.updatedEvent.currentEntity.name).toBe('Renamed');
		expect(events[4].event).toMatchObject({
			entityFqdn: 'wix.crm.pipelines.v1.card',
			slug: 'moved',
			entityId: card.id,
		});
		expect(events[4].event.actionEvent.body).toMatchObject({
			card: { id: card.id, stageId: p.stages[3].id, revision: '3' },
			sourceStageId: p.stages[0].id,
			targetStageId: p.stages[3].id,
		});
		expect(events[5].event.deletedEvent.deletedEntity.id).toBe(card.id);
		expect(events[6].event.updatedEvent.currentEntity.name).toBe('S2');
	});
});

describe('admin', () => {
	it('counts cards per stage', async () => {
		const p = await pipeline();
		await newCard(p, 0);
		await newCard(p, 0);
		const { pipelines, cards } = await admin(sandbox, 'GET', '/pipelines');
		expect(pipelines[0].cardCounts[p.stages[0].id]).toBe(2);
		expect(pipelines[0].cardCounts[p.doneStage.id]).toBe(0);
		expect(cards).toHaveLength(2);
	});
});
