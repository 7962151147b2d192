import { createPublicKey, verify } from 'node:crypto';

import { contactFieldResolver } from '../../sandbox/contacts/filters';
import { customKey } from '../../sandbox/core/context';
import { parseQueryString } from '../../sandbox/core/http';
import { matches, normalizeSort, validateFilter } from '../../sandbox/core/query';
import { buildEventJwt, generateSigningKey } from '../../sandbox/core/webhookJwt';
import { extendedFieldsState } from '../../sandbox/extendedFields/store';

const site = extendedFieldsState();
site.fields.set('custom.score', {
	key: 'custom.score',
	displayName: 'Score',
	dataType: 'NUMBER',
	fieldType: 'USER_DEFINED',
});
const resolve = contactFieldResolver(site);
const contact = {
	id: 'c1',
	createdDate: '2024-05-01T10:00:00.000Z',
	primaryInfo: { email: 'ada@example.com' },
	info: {
		name: { first: 'Ada', last: 'Lovelace' },
		emails: { items: [{ email: 'ada@example.com' }, { email: 'ada@work.com' }] },
		labelKeys: { items: ['custom.vip', 'contacts.customers'] },
		extendedFields: {
			items: { 'custom.score': 42, 'emailSubscriptions.subscriptionStatus': 'SUBSCRIBED' },
		},
	},
};

describe('sandbox query language', () => {
	it.each([
		[{ 'info.name.first': 'Ada' }, true],
		[{ 'info.name.first': { $startsWith: 'ad' } }, true],
		[{ 'info.emails.email': 'ada@work.com' }, true],
		[{ createdDate: { $gt: '2024-04-30T00:00:00Z' } }, true],
		[{ createdDate: { $gt: '2024-05-01T10:00:00.000Z' } }, false],
		[{ 'info.labelKeys': { $hasAll: ['custom.vip', 'contacts.customers'] } }, true],
		[{ 'info.labelKeys': { $hasSome: ['custom.none'] } }, false],
		[{ 'info.extendedFields.custom.score': { $gte: 42 } }, true],
		[
			{
				'info.extendedFields.emailSubscriptions.subscriptionStatus': {
					$in: ['SUBSCRIBED', 'PENDING'],
				},
			},
			true,
		],
		[{ $or: [{ 'info.name.first': 'Grace' }, { id: { $in: ['c1'] } }] }, true],
		[{ $and: [{ 'info.name.first': 'Ada' }, { $not: { 'info.name.last': 'Lovelace' } }] }, false],
		[{ 'info.company': { $exists: false } }, true],
	])('filter %j matches: %s', (filter, expected) => {
		validateFilter(filter, resolve);
		expect(matches(contact, filter, resolve)).toBe(expected);
	});

	it.each([
		[{ 'info.nickname': 'x' }, 'UNSUPPORTED_FILTER_FIELD_UNKNOWN'],
		[{ 'info.labelKeys': 'custom.vip' }, 'UNSUPPORTED_FILTER_OPERATOR'],
		[{ createdDate: { $startsWith: '2024' } }, 'UNSUPPORTED_FILTER_OPERATOR'],
		[{ createdDate: { $gt: 'yesterday' } }, 'UNSUPPORTED_FILTER_VALUE'],
		[{ id: { $in: 'c1' } }, 'UNSUPPORTED_FILTER_VALUE_TYPE'],
		[{ 'info.name.first': { $like: 'A' } }, 'MALFORMED_FILTER'],
		[{ $or: { a: 1 } }, 'MALFORMED_FILTER'],
		[{ 'info.extendedFields.custom.unknown': 1 }, 'UNSUPPORTED_FILTER_FIELD_UNKNOWN'],
	])('rejects %j with %s', (filter, code) => {
		expect(() => validateFilter(filter, resolve)).toThrow(
			expect.objectContaining({
				status: 400,
				body: expect.objectContaining({
					details: { applicationError: expect.objectContaining({ code }) },
				}),
			}),
		);
	});

	it('accepts one sort entry on a sortable field, in array or object form', () => {
		expect(normalizeSort({ fieldName: 'createdDate' }, resolve)).toEqual([
			{ fieldName: 'createdDate', order: 'ASC' },
		]);
		expect(() => normalizeSort([{ fieldName: 'updatedDate' }], resolve)).toThrow(/not sortable/);
		expect(() =>
			normalizeSort([{ fieldName: 'createdDate' }, { fieldName: 'info.name.first' }], resolve),
		).toThrow(/At most 1/);
	});
});

describe('sandbox request parsing', () => {
	it('builds nested objects from dotted keys, arrays from repeats and reads .r', () => {
		expect(
			parseQueryString(
				new URLSearchParams('paging.limit=2&paging.offset=10&fieldsets=BASIC&fieldsets=FULL'),
			),
		).toEqual({
			paging: { limit: '2', offset: '10' },
			fieldsets: ['BASIC', 'FULL'],
		});
		const r = Buffer.from(JSON.stringify({ query: { filter: { a: 1 } } })).toString('base64url');
		expect(parseQueryString(new URLSearchParams(`.r=${r}`))).toEqual({
			query: { filter: { a: 1 } },
		});
	});

	it('derives custom keys the way Wix does', () => {
		expect(customKey('My Label')).toBe('custom.my-label');
		expect(customKey('groupColor')).toBe('custom.groupcolor');
		expect(customKey('  Plan / Tier! ')).toBe('custom.plan-tier');
	});
});

describe('sandbox webhooks', () => {
	it('signs an RS256 JWT whose data nests the envelope and the domain event as JSON strings', () => {
		const key = generateSigningKey();
		const { jwt, eventId, eventType } = buildEventJwt(
			{
				entityFqdn: 'wix.contacts.v4.contact',
				slug: 'created',
				entityId: 'c1',
				body: { createdEvent: { entity: { id: 'c1' } } },
			},
			{ instanceId: 'inst', siteId: 'site', accountId: 'acc' },
			{ identityType: 'APP', appId: 'app' },
			key,
			7,
		);
		const [h, p, s] = jwt.split('.');
		expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({
			alg: 'RS256',
			kid: key.kid,
		});
		expect(
			verify(
				'RSA-SHA256',
				Buffer.from(`${h}.${p}`),
				createPublicKey(key.publicKeyPem),
				Buffer.from(s, 'base64url'),
			),
		).toBe(true);
		const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
		expect(typeof payload.data).toBe('string');
		expect(payload.exp).toBeGreaterThan(payload.iat);
		const envelope = JSON.parse(payload.data);
		expect(envelope).toMatchObject({
			eventType: 'wix.contacts.v4.contact_created',
			instanceId: 'inst',
		});
		expect(JSON.parse(envelope.identity)).toEqual({ identityType: 'APP', appId: 'app' });
		const event = JSON.parse(envelope.data);
		expect(event).toMatchObject({
			id: eventId,
			slug: 'created',
			entityId: 'c1',
			entityEventSequence: '7',
			createdEvent: { entity: { id: 'c1' } },
		});
		expect(eventType).toBe('wix.contacts.v4.contact_created');
	});
});
