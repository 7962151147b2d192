/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Deterministic demo data: contacts with labels and custom fields, a few members, shared timestamps,
// and (demo only) a pipeline and a legacy workflow with cards, and loyalty with tiers and badges.
import { createContact } from './contacts/contacts';
import type { ContactsContext } from './contacts/context';
import type { PipelinesState } from './pipelines/store';
import { seedFunnels } from './seedFunnels';
import { seedLoyalty } from './seedLoyalty';
import type { BadgesState } from './badges/badges';
import type { EmailSubscriptionsState } from './emailSubscriptions/store';
import type { LoyaltyState } from './loyalty/store';
import type { WorkflowsState } from './workflows/store';
import { findOrCreateField } from './extendedFields/extendedFields';
import { findOrCreateLabel } from './labels/labels';

const FIRST = [
	'Ada',
	'Grace',
	'Alan',
	'Katherine',
	'Linus',
	'Margaret',
	'Tim',
	'Barbara',
	'Dennis',
	'Radia',
	'Ken',
	'Frances',
	'Edsger',
	'Hedy',
	'John',
	'Sophie',
	'Donald',
	'Shafi',
	'Claude',
	'Joan',
];
const LAST = [
	'Lovelace',
	'Hopper',
	'Turing',
	'Johnson',
	'Torvalds',
	'Hamilton',
	'Berners-Lee',
	'Liskov',
	'Ritchie',
	'Perlman',
	'Thompson',
	'Allen',
	'Dijkstra',
	'Lamarr',
	'McCarthy',
	'Wilson',
	'Knuth',
	'Goldwasser',
	'Shannon',
	'Clarke',
];
const COMPANIES = [
	'Analytical Engines',
	'Compilers Inc',
	'Bletchley Labs',
	'Orbit Works',
	'Kernel Co',
	'',
];
const PLANS = ['Free', 'Basic', 'Gold', 'Platinum'];

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function parseSeed(seed: string): { contacts: number; extras: boolean } {
	if (seed === 'empty') return { contacts: 0, extras: false };
	if (seed === 'demo') return { contacts: 300, extras: true };
	const m = /^contacts:(\d+)$/.exec(seed);
	if (m) return { contacts: Number(m[1]), extras: false };
	throw new Error(`Unknown seed "${seed}": use demo, empty or contacts:<N>`);
}

/** Fills the site without sending webhooks; dates are spread over the last year, some shared. */
export function seedSite(
	ctx: ContactsContext & {
		site: WorkflowsState & PipelinesState & LoyaltyState & BadgesState & EmailSubscriptionsState;
	},
	seed: string,
): void {
	const { contacts, extras } = parseSeed(seed);
	const random = rng(42);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	let labels: string[] = [];
	if (extras) {
		labels = ['VIP', 'Newsletter', 'Lead', 'Customer'].map(
			(name) => findOrCreateLabel(ctx, { displayName: name }).label!.key!,
		);
		findOrCreateField(ctx, { displayName: 'Plan', dataType: 'TEXT' });
		findOrCreateField(ctx, { displayName: 'Lifetime Value', dataType: 'NUMBER' });
		findOrCreateField(ctx, { displayName: 'Renewal Date', dataType: 'DATE' });
		findOrCreateField(ctx, { displayName: 'Website', dataType: 'URL' });
		findOrCreateField(ctx, { displayName: 'externalCrmId', dataType: 'TEXT' });
	}
	// Spread over the year before now, in creation order, never in the future.
	const span = 365 * 86_400_000;
	let time = Date.now() - span - 86_400_000;
	const step = span / Math.max(contacts, 1);
	for (let n = 0; n < contacts; n++) {
		const first = pick(FIRST);
		const last = pick(LAST);
		const info: Record<string, any> = {
			name: { first, last },
			emails: {
				items: [{ email: `${first}.${last}.${n}@example.com`.toLowerCase(), tag: 'MAIN' }],
			},
		};
		if (random() < 0.6)
			info.phones = { items: [{ phone: `+1555${String(1000000 + n).slice(-7)}`, tag: 'MOBILE' }] };
		const company = pick(COMPANIES);
		if (company) info.company = company;
		if (extras) {
			const keys = labels.filter(() => random() < 0.3);
			if (keys.length) info.labelKeys = { items: keys };
			info.extendedFields = {
				items: { 'custom.plan': pick(PLANS), 'custom.lifetime-value': Math.round(random() * 5000) },
			};
		}
		const { contact } = createContact(ctx, { info, allowDuplicates: true });
		// Every seventh contact shares the previous one's timestamp, as bulk imports do.
		if (n % 7 !== 0) time += 1 + Math.floor(random() * 2 * step);
		const stamp = new Date(time).toISOString();
		const stored = ctx.site.contacts.get(contact!.id!)!;
		stored.createdDate = stamp;
		stored.updatedDate = stamp;
		stored.lastActivity = { activityDate: stamp, activityType: 'CONTACT_CREATED' };
		if (extras && n < 3) ctx.site.members.setMember(ctx, contact!.id!, true);
	}
	for (const id of ctx.site.members.memberContactIds()) {
		const c = ctx.site.contacts.get(id)!;
		c.info!.extendedFields!.items!['members.membershipStatus'] = 'APPROVED';
	}
	if (extras) seedFunnels(ctx, [...ctx.site.contacts.keys()]);
	if (extras) seedLoyalty(ctx, [...ctx.site.contacts.keys()]);
}
