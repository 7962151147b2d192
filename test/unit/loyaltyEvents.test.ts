/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Loyalty and badge events in the Wix Trigger, as pure functions: the change behind an account
// event, upward crossings, the mark our points writes carry, and how the events are flattened.
import { isOwnDelivery } from '../../nodes/Wix/Trigger/automation';
import { changeFrom, crossedUpward, crossingKey } from '../../nodes/Wix/Trigger/loyalty';
import { parsePublicKey, readWixWebhook } from '../../nodes/Wix/Trigger/webhookJwt';
import {
	carriesPointsMark,
	markedDescription,
	MAX_USER_DESCRIPTION,
} from '../../nodes/Wix/shared/loyaltyMark';
import { buildEventJwt, generateSigningKey } from '../../sandbox/core/webhookJwt';

const account = (balance: number, revision = '3') => ({
	id: 'acc-1',
	revision,
	updatedDate: '2025-01-01T00:00:00.000Z',
	points: { balance },
});

describe('the change behind an account event', () => {
	it('takes an adjustment’s recorded before and after', () => {
		const change = changeFrom(account(1050), [
			{
				id: 't2',
				transactionType: 'ADJUST',
				amount: 150,
				description: 'x',
				adjustInfo: { amountBefore: 900, amountAfter: 1050 },
			},
		]);
		expect(change).toEqual({
			transactionId: 't2',
			previousBalance: 900,
			balance: 1050,
			ours: false,
		});
	});

	it('works an earning, redemption or refund back from the balance, whatever sign Wix gives', () => {
		const one = (transactionType: any, amount: number) =>
			changeFrom(account(500), [{ id: 't', transactionType, amount }])!.previousBalance;
		expect(one('EARN', 100)).toBe(400);
		expect(one('REFUND', -100)).toBe(400);
		expect(one('REDEEM', 100)).toBe(600);
		expect(one('REDEEM', -100)).toBe(600);
	});

	it('skips a newer adjustment that left another balance (a change in the same millisecond)', () => {
		const change = changeFrom(account(950), [
			{
				id: 'later',
				transactionType: 'ADJUST',
				amount: 100,
				adjustInfo: { amountBefore: 950, amountAfter: 1050 },
			},
			{
				id: 'this',
				transactionType: 'ADJUST',
				amount: 50,
				adjustInfo: { amountBefore: 900, amountAfter: 950 },
			},
		]);
		expect(change?.transactionId).toBe('this');
		expect(change?.previousBalance).toBe(900);
	});

	it('finds nothing when no transaction left this balance', () => {
		expect(
			changeFrom(account(10), [
				{
					id: 't',
					transactionType: 'ADJUST',
					amount: 5,
					adjustInfo: { amountBefore: 0, amountAfter: 5 },
				},
			]),
		).toBeUndefined();
		expect(changeFrom(account(10), [])).toBeUndefined();
	});

	it('knows our writes by the mark at the end of the description, and only by it', () => {
		const t = (description: string) =>
			changeFrom(account(5), [{ id: 't', transactionType: 'EARN', amount: 5, description }])!.ours;
		expect(t('Spring bonus (via n8n)')).toBe(true);
		expect(t('(via n8n)')).toBe(true);
		expect(t('Spring bonus')).toBe(false);
		expect(t('(via n8n) edited by hand later')).toBe(false);
	});
});

describe('crossing a threshold', () => {
	it('counts only a move from below to at or above, and a creation at or above', () => {
		expect(crossedUpward({ previousBalance: 999, balance: 1000 }, 1000)).toBe(true);
		expect(crossedUpward({ previousBalance: 900, balance: 1500 }, 1000)).toBe(true);
		expect(crossedUpward({ previousBalance: 1000, balance: 1200 }, 1000)).toBe(false);
		expect(crossedUpward({ previousBalance: 1200, balance: 999 }, 1000)).toBe(false);
		expect(crossedUpward({ previousBalance: 10, balance: 999 }, 1000)).toBe(false);
		expect(crossedUpward({ previousBalance: null, balance: 0 }, 0)).toBe(true);
		expect(crossedUpward({ previousBalance: null, balance: 0 }, 1)).toBe(false);
	});

	it('knows one crossing by account, threshold and transaction', () => {
		const change = { transactionId: 't1', previousBalance: 1, balance: 2, ours: false };
		expect(crossingKey('a', change, 2)).toBe(crossingKey('a', { ...change }, 2));
		expect(crossingKey('a', change, 2)).not.toBe(
			crossingKey('a', { ...change, transactionId: 't2' }, 2),
		);
		expect(crossingKey('a', change, 2)).not.toBe(crossingKey('a', change, 3));
	});
});

describe('the mark of our points writes', () => {
	it('ends every description, leaving Wix’s 100 characters', () => {
		expect(markedDescription('')).toBe('(via n8n)');
		expect(markedDescription('  Sync ')).toBe('Sync (via n8n)');
		expect(markedDescription('x'.repeat(MAX_USER_DESCRIPTION))).toHaveLength(100);
		expect(carriesPointsMark(markedDescription('Order 7'))).toBe(true);
		expect(carriesPointsMark(undefined)).toBe(false);
	});

	it('drops the Automation source’s own points deliveries by their description', () => {
		expect(isOwnDelivery('wix_loyalty-points_adjusted', { description: 'Sync (via n8n)' })).toBe(
			true,
		);
		expect(isOwnDelivery('wix_loyalty-points_earned', { description: '(via n8n)' })).toBe(true);
		expect(isOwnDelivery('wix_loyalty-points_adjusted', { description: 'Goodwill' })).toBe(false);
		expect(isOwnDelivery('wix_loyalty-tier_updated', { description: '(via n8n)' })).toBe(false);
	});
});

describe('flattening loyalty and badge events', () => {
	const wix = generateSigningKey();
	const publicKey = parsePublicKey(wix.publicKeyPem);
	const site = { instanceId: 'inst-1', siteId: 'site', accountId: 'acc' };
	const read = (event: Parameters<typeof buildEventJwt>[0]) =>
		readWixWebhook(buildEventJwt(event, site, { identityType: 'APP', appId: 'a' }, wix, 1).jwt, {
			publicKey,
			instanceId: 'inst-1',
		});

	it('puts Points Updated’s account in entity, as the other account events have it', () => {
		const event = read({
			entityFqdn: 'wix.loyalty.v1.account',
			slug: 'points_updated',
			entityId: 'acc-1',
			body: { actionEvent: { body: { account: account(70) } } },
		});
		expect(event.eventType).toBe('wix.loyalty.v1.account_points_updated');
		expect(event.entity).toEqual(account(70));
	});

	it('names the badge and the member of a badge event', () => {
		for (const slug of ['badge_assigned', 'badge_unassigned']) {
			const event = read({
				entityFqdn: 'wix.badges.v3.badge',
				slug,
				entityId: 'badge-1',
				body: { actionEvent: { body: { memberId: 'm-1' } } },
			});
			expect(event).toMatchObject({
				eventType: `wix.badges.v3.badge_${slug}`,
				badgeId: 'badge-1',
				memberId: 'm-1',
				entity: { memberId: 'm-1' },
			});
		}
	});
});
