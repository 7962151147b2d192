/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The stand-in CRM's deals, for the lead-funnel template: each has a stage of the seed's funnel
// and an open/won/lost status. Every change, through any call, is announced to the CRM's webhook
// (the integration only reads deals, so there is no echo to suppress).
import { randomUUID } from 'node:crypto';

export const DEAL_STAGES = ['New Lead', 'Contacted', 'Qualified', 'Proposal Sent', 'Negotiating'];

export interface Deal {
	id: string;
	title: string;
	stage: string;
	status: 'open' | 'won' | 'lost';
	contactEmail: string;
	contactName?: string;
	value?: number;
	createdAt: string;
	updatedAt: string;
}

export type DealEventType =
	| 'deal.created'
	| 'deal.updated'
	| 'deal.stage_changed'
	| 'deal.won'
	| 'deal.lost'
	| 'deal.deleted';

export interface DealEvent {
	type: DealEventType;
	deal: Deal;
	/** The stage and status before the change, on every event but `deal.created`. */
	previous?: { stage: string; status: Deal['status'] };
}

export type DealAnswer = { status: number; body: unknown; event?: DealEvent };

const fail = (status: number, error: string): DealAnswer => ({ status, body: { error } });

function invalid(body: Record<string, any>, creating: boolean): string | undefined {
	if (creating && (typeof body.title !== 'string' || !body.title.trim()))
		return 'title is required';
	if (
		(creating || body.contactEmail !== undefined) &&
		!String(body.contactEmail ?? '').includes('@')
	)
		return 'contactEmail is required';
	if (body.stage !== undefined && !DEAL_STAGES.includes(body.stage))
		return `stage must be one of ${DEAL_STAGES.join(', ')}`;
	if (body.value !== undefined && typeof body.value !== 'number') return 'value must be a number';
	return undefined;
}

export class Deals {
	readonly deals = new Map<string, Deal>();

	/** Serves `METHOD /crm/deals...`; undefined when the route is not a deals route. */
	handle(method: string, path: string, body: Record<string, any>): DealAnswer | undefined {
		if (path === '/crm/deals') {
			if (method === 'GET') return { status: 200, body: { deals: [...this.deals.values()] } };
			if (method === 'POST') return this.create(body);
			return undefined;
		}
		const m = /^\/crm\/deals\/([^/]+)(?:\/(stage|win|lose))?$/.exec(path);
		if (!m) return undefined;
		const deal = this.deals.get(m[1]);
		if (!deal) return fail(404, `no deal ${m[1]}`);
		const action = `${method} ${m[2] ?? ''}`;
		if (action === 'GET ') return { status: 200, body: deal };
		if (action === 'PATCH ') return this.change(deal, body, 'deal.updated');
		if (action === 'POST stage') {
			if (!DEAL_STAGES.includes(body.stage))
				return fail(422, `stage must be one of ${DEAL_STAGES.join(', ')}`);
			return this.change(deal, { stage: body.stage }, 'deal.stage_changed');
		}
		if (action === 'POST win') return this.change(deal, { status: 'won' }, 'deal.won');
		if (action === 'POST lose') return this.change(deal, { status: 'lost' }, 'deal.lost');
		if (action === 'DELETE ') {
			this.deals.delete(deal.id);
			return {
				status: 200,
				body: {},
				event: { type: 'deal.deleted', deal, previous: { stage: deal.stage, status: deal.status } },
			};
		}
		return undefined;
	}

	private create(body: Record<string, any>): DealAnswer {
		const why = invalid(body, true);
		if (why) return fail(422, why);
		const now = new Date().toISOString();
		const deal: Deal = {
			id: randomUUID(),
			title: body.title,
			stage: body.stage ?? DEAL_STAGES[0],
			status: 'open',
			contactEmail: String(body.contactEmail).toLowerCase(),
			...(body.contactName !== undefined ? { contactName: String(body.contactName) } : {}),
			...(body.value !== undefined ? { value: body.value } : {}),
			createdAt: now,
			updatedAt: now,
		};
		this.deals.set(deal.id, deal);
		return { status: 200, body: deal, event: { type: 'deal.created', deal } };
	}

	private change(deal: Deal, body: Record<string, any>, type: DealEventType): DealAnswer {
		const why = invalid(body, false);
		if (why) return fail(422, why);
		const previous = { stage: deal.stage, status: deal.status };
		const next: Deal = { ...deal, updatedAt: new Date().toISOString() };
		if (typeof body.title === 'string' && body.title.trim()) next.title = body.title;
		if (body.contactEmail !== undefined)
			next.contactEmail = String(body.contactEmail).toLowerCase();
		if (body.contactName !== undefined) next.contactName = String(body.contactName);
		if (body.value !== undefined) next.value = body.value;
		if (body.stage !== undefined) next.stage = body.stage;
		if (body.status !== undefined) next.status = body.status;
		this.deals.set(deal.id, next);
		return { status: 200, body: next, event: { type, deal: next, previous } };
	}
}
