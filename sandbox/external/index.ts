/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Stand-ins for the external systems the templates talk to: a CRM and an email delivery service,
// with inspectable state. Not Wix: the templates reach them with n8n's HTTP Request node.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { readBody } from '../core/http';
import { Deals, type DealEvent } from './deals';
import { ExternalLoyalty, type LoyaltyEvent } from './loyalty';

export interface CrmContact {
	id: string;
	email: string;
	firstName?: string;
	lastName?: string;
	phone?: string;
	wixContactId?: string;
	updatedAt: string;
}

/** An email the stand-in email service accepted for delivery. */
export interface EmailMessage {
	id: string;
	to: string;
	subject: string;
	text: string;
	sentAt: string;
}

export interface Subscriber {
	email: string;
	firstName?: string;
	lastName?: string;
	tags?: string[];
}

export const DEMO_LOYALTY_CUSTOMERS = 12;

export class ExternalSystems {
	readonly crm = new Map<string, CrmContact>();
	readonly subscribers = new Map<string, Subscriber>();
	/** Emails sent through `POST /email-service/messages`, in order. */
	readonly messages: EmailMessage[] = [];
	readonly deals = new Deals();
	readonly loyalty = new ExternalLoyalty();
	/** What each loyalty event delivery answered, for tests. */
	readonly loyaltyDeliveries: Array<{ type: string; accountId: string; status: number | 'error' }> =
		[];
	/** Every request, for tests that count calls. */
	readonly log: Array<{ method: string; path: string; body: unknown }> = [];
	/** When set, the CRM posts its own change events here (for CRM → Wix sync). */
	crmWebhookUrl?: string;
	/** Where deal events go; `POST /crm/webhook` without a topic sets it too. */
	dealsWebhookUrl?: string;
	/** What each deal event delivery answered, for tests. */
	readonly dealDeliveries: Array<{ type: string; dealId: string; status: number | 'error' }> = [];
	private server?: Server;
	url = '';

	/**
	 * What `npm start`'s demo adds (`POST /reset {"seed":"demo"}` too): a dozen customers in the
	 * external loyalty program, so the loyalty set-up template has someone to bring into Wix.
	 */
	seedDemo() {
		this.loyalty.seed(DEMO_LOYALTY_CUSTOMERS);
	}

	async listen(port = 0): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	private async notify(
		type: 'created' | 'updated' | 'deleted' | 'merged',
		contact: CrmContact,
		mergedContacts?: CrmContact[],
	) {
		if (!this.crmWebhookUrl) return;
		const event = mergedContacts ? { type, contact, mergedContacts } : { type, contact };
		await fetch(this.crmWebhookUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(event),
		});
	}

	/** Awaited before the deal call answers, so a test that saw the answer sees the event sent. */
	private async notifyDeal(event: DealEvent) {
		if (!this.dealsWebhookUrl) return;
		let status: number | 'error' = 'error';
		try {
			const response = await fetch(this.dealsWebhookUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(event),
			});
			status = response.status;
			await response.arrayBuffer();
		} catch {
			status = 'error';
		}
		this.dealDeliveries.push({ type: event.type, dealId: event.deal.id, status });
	}

	/** Awaited before the loyalty call answers, as for deals. */
	private async notifyLoyalty(event: LoyaltyEvent) {
		if (!this.loyalty.announces(event)) return;
		let status: number | 'error' = 'error';
		try {
			const response = await fetch(this.loyalty.webhookUrl!, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(event),
			});
			status = response.status;
			await response.arrayBuffer();
		} catch {
			status = 'error';
		}
		this.loyaltyDeliveries.push({ type: event.type, accountId: event.account.id, status });
	}

	async close() {
		await new Promise<void>((resolve) => {
			if (!this.server) return resolve();
			this.server.closeAllConnections();
			this.server.close(() => resolve());
		});
	}

	private json(res: ServerResponse, status: number, body: unknown) {
		res.writeHead(status, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(body));
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://external');
		const method = req.method ?? 'GET';
		let body: any = {};
		const raw = await readBody(req);
		if (raw.length) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				return this.json(res, 400, { error: 'body must be JSON' });
			}
		}
		this.log.push({ method, path: url.pathname, body });
		const route = `${method} ${url.pathname}`;
		if (route === 'GET /state')
			return this.json(res, 200, {
				crm: [...this.crm.values()],
				subscribers: [...this.subscribers.values()],
				messages: this.messages,
				deals: [...this.deals.deals.values()],
				dealDeliveries: this.dealDeliveries,
				loyaltyAccounts: [...this.loyalty.accounts.values()],
				loyaltyDeliveries: this.loyaltyDeliveries,
				log: this.log,
			});
		if (route === 'POST /reset') {
			this.crm.clear();
			this.subscribers.clear();
			this.messages.length = 0;
			this.deals.deals.clear();
			this.dealDeliveries.length = 0;
			this.loyalty.reset();
			this.loyaltyDeliveries.length = 0;
			this.log.length = 0;
			if (body.seed === 'demo') this.seedDemo();
			return this.json(res, 200, {});
		}
		if (route === 'POST /email-service/subscribers') {
			const list: Subscriber[] = Array.isArray(body)
				? body
				: Array.isArray(body.subscribers)
					? body.subscribers
					: [body];
			for (const s of list) {
				if (typeof s.email !== 'string' || !s.email.includes('@'))
					return this.json(res, 422, { error: `invalid email ${JSON.stringify(s.email)}` });
			}
			for (const s of list)
				this.subscribers.set(s.email.toLowerCase(), { ...s, email: s.email.toLowerCase() });
			return this.json(res, 200, { accepted: list.length });
		}
		// Sending: one message or a list `{to, subject, text}`; all or nothing, 422 naming the first bad one.
		if (route === 'POST /email-service/messages') {
			const list: any[] = Array.isArray(body)
				? body
				: Array.isArray(body.messages)
					? body.messages
					: [body];
			for (const m of list) {
				if (typeof m.to !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(m.to))
					return this.json(res, 422, { error: `invalid recipient ${JSON.stringify(m.to)}` });
				if (typeof m.subject !== 'string' || !m.subject.trim())
					return this.json(res, 422, { error: `no subject for ${m.to}` });
			}
			const sent = list.map((m) => ({
				id: randomUUID(),
				to: m.to.toLowerCase(),
				subject: m.subject,
				text: typeof m.text === 'string' ? m.text : '',
				sentAt: new Date().toISOString(),
			}));
			this.messages.push(...sent);
			return this.json(res, 200, { sent: sent.map((m) => m.id) });
		}
		// What a person does in the CRM's own screens: the CRM then notifies its webhook subscriber.
		// Changes made through the API (by the integration itself) send no event, as CRMs let you set up.
		if (route === 'POST /crm/ui/contacts') {
			const contact: CrmContact = {
				id: randomUUID(),
				...body,
				email: String(body.email).toLowerCase(),
				updatedAt: new Date().toISOString(),
			};
			const existing = [...this.crm.values()].find((c) => c.id === body.id);
			const saved = existing
				? {
						...existing,
						...body,
						email: String(body.email ?? existing.email).toLowerCase(),
						updatedAt: new Date().toISOString(),
					}
				: contact;
			this.crm.set(saved.id, saved);
			await this.notify(existing ? 'updated' : 'created', saved);
			return this.json(res, 200, saved);
		}
		// A merge in the CRM: the target stays (its values win, blanks filled from the sources) and the
		// sources are deleted; one "merged" event names them all, as CRMs like HubSpot send.
		const uiMerge = /^POST \/crm\/ui\/contacts\/([^/]+)\/merge$/.exec(route);
		if (uiMerge) {
			const target = this.crm.get(uiMerge[1]);
			const sources = (Array.isArray(body.sourceIds) ? body.sourceIds : []).map((id: string) =>
				this.crm.get(id),
			);
			if (!target || !sources.length || sources.some((c: CrmContact | undefined) => !c))
				return this.json(res, 404, { error: 'no such contact' });
			const merged: CrmContact = { ...target, updatedAt: new Date().toISOString() };
			for (const source of sources as CrmContact[]) {
				for (const [key, value] of Object.entries(source)) {
					if (key === 'id' || key === 'wixContactId' || key === 'email') continue;
					if ((merged as unknown as Record<string, unknown>)[key] === undefined)
						(merged as unknown as Record<string, unknown>)[key] = value;
				}
				this.crm.delete(source.id);
			}
			this.crm.set(merged.id, merged);
			await this.notify('merged', merged, sources as CrmContact[]);
			return this.json(res, 200, merged);
		}
		const uiDelete = /^DELETE \/crm\/ui\/contacts\/([^/]+)$/.exec(route);
		if (uiDelete) {
			const contact = this.crm.get(uiDelete[1]);
			if (!contact) return this.json(res, 404, { error: 'no such contact' });
			this.crm.delete(contact.id);
			await this.notify('deleted', contact);
			return this.json(res, 200, {});
		}
		const byWix = /^DELETE \/crm\/contacts\/by-wix\/([^/]+)$/.exec(route);
		if (byWix) {
			const contact = [...this.crm.values()].find((c) => c.wixContactId === byWix[1]);
			if (contact) this.crm.delete(contact.id);
			return this.json(res, 200, { deleted: Boolean(contact) });
		}
		if (route === 'POST /crm/webhook') {
			// No topic: contacts and deals both go to the URL (what callers did before deals existed).
			if (body.topic !== 'deals') this.crmWebhookUrl = String(body.url);
			if (body.topic !== 'contacts') this.dealsWebhookUrl = String(body.url);
			return this.json(res, 200, {});
		}
		const loyaltyAnswer = this.loyalty.handle(method, url.pathname, body, url.searchParams);
		if (loyaltyAnswer) {
			if (loyaltyAnswer.event) await this.notifyLoyalty(loyaltyAnswer.event);
			return this.json(res, loyaltyAnswer.status, loyaltyAnswer.body);
		}
		const dealAnswer = this.deals.handle(method, url.pathname, body);
		if (dealAnswer) {
			if (dealAnswer.event) await this.notifyDeal(dealAnswer.event);
			return this.json(res, dealAnswer.status, dealAnswer.body);
		}
		if (route === 'POST /crm/contacts') {
			if (typeof body.email !== 'string' || !body.email.includes('@'))
				return this.json(res, 422, { error: 'email is required' });
			const existing = [...this.crm.values()].find(
				(c) =>
					(body.id && c.id === body.id) ||
					(body.wixContactId && c.wixContactId === body.wixContactId) ||
					c.email === body.email.toLowerCase(),
			);
			const { id: _givenId, ...fields } = body;
			void _givenId;
			const contact: CrmContact = {
				...(existing ?? { id: randomUUID() }),
				...fields,
				email: body.email.toLowerCase(),
				updatedAt: new Date().toISOString(),
			};
			this.crm.set(contact.id, contact);
			return this.json(res, 200, contact);
		}
		return this.json(res, 404, { error: `no route ${route}` });
	}
}

export async function startExternalSystems(port = 0): Promise<ExternalSystems> {
	const systems = new ExternalSystems();
	await systems.listen(port);
	return systems;
}
