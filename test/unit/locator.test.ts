// Resource-locator values (shared/locator.ts, contact/locator.ts): the shapes saved workflows hold
// (a plain string from before a picker became a locator, or { __rl, mode, value } in the modes
// From List, By ID and By URL) all resolve to the same ID.
import type { IExecuteFunctions, INodePropertyMode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { contactKeyOf, contactLocator, resolveContactId } from '../../nodes/Wix/contact/locator';
import { ignoresOwnWrites } from '../../nodes/Wix/PollingTrigger/WixPollingTrigger.node';
import { CONTACT_URL_REGEX, contactIdFromUrl, readLocator } from '../../nodes/Wix/shared/locator';

const ID = '8046df3c-7575-4098-a5ab-c91ad8f33c47';
const SITE = '1a1f2b44-82ff-4519-a4c7-4aebc8c5963f';
const URL = `https://manage.wix.com/dashboard/${SITE}/contacts/view/${ID}`;

/** Just enough of n8n's execute context for the locator: one parameter, no HTTP. */
function ctxWith(value: unknown): IExecuteFunctions {
	return {
		getNodeParameter: (_name: string, _i: number, fallback?: unknown) => value ?? fallback,
		getNode: () => ({ name: 'Wix Contacts' }),
	} as unknown as IExecuteFunctions;
}

describe('readLocator', () => {
	it.each([
		['an old plain string (an ID)', `  ${ID} `, { mode: 'id', value: ID }],
		['an old array from an expression', [ID, 'b'], { mode: 'id', value: `${ID},b` }],
		['From List', { __rl: true, mode: 'list', value: ID }, { mode: 'list', value: ID }],
		['By ID', { __rl: true, mode: 'id', value: ` ${ID}` }, { mode: 'id', value: ID }],
		['By URL', { __rl: true, mode: 'url', value: URL }, { mode: 'url', value: URL }],
		['an empty value', undefined, { mode: 'id', value: '' }],
		[
			'a locator with an array value',
			{ __rl: true, mode: 'id', value: ['a', 'b'] },
			{ mode: 'id', value: 'a,b' },
		],
	])('reads %s', (_what, raw, expected) => {
		expect(readLocator(raw)).toEqual(expected);
	});
});

describe('contact URLs', () => {
	it.each([
		URL,
		`${URL}/`,
		`${URL}?referralInfo=sidebar`,
		`http://manage.wix.com/dashboard/${SITE}/contacts/view/${ID}#notes`,
		`https://manage.wix.com/dashboard/${SITE}/contacts/${ID}`,
		`  ${URL}  `,
	])('finds the contact ID in %s', (url) => {
		expect(contactIdFromUrl(url)).toBe(ID);
	});

	it.each([
		'https://example.com/contacts/view/' + ID,
		`https://manage.wix.com/dashboard/${SITE}/home`,
		`https://manage.wix.com/dashboard/${SITE}/contacts/view/not-a-guid`,
		ID,
	])('finds none in %s', (url) => {
		expect(contactIdFromUrl(url)).toBeUndefined();
	});

	it('gives n8n’s extractValue exactly one group, and validates what it extracts', () => {
		const mode = contactLocator.modes!.find((m) => m.name === 'url') as INodePropertyMode;
		expect(mode.extractValue).toEqual({ type: 'regex', regex: CONTACT_URL_REGEX });
		const match = new RegExp(CONTACT_URL_REGEX).exec(URL)!;
		expect(match).toHaveLength(2);
		const validation = mode.validation![0] as unknown as { properties: { regex: string } };
		expect(new RegExp(validation.properties.regex).test(URL)).toBe(true);
		expect(new RegExp(validation.properties.regex).test('https://example.com')).toBe(false);
	});
});

describe('resolveContactId', () => {
	it.each([
		['an old plain string', ID],
		['From List', { __rl: true, mode: 'list', value: ID }],
		['By ID', { __rl: true, mode: 'id', value: ID }],
		['By URL', { __rl: true, mode: 'url', value: URL }],
	])('resolves %s without a request', async (_what, raw) => {
		await expect(resolveContactId(ctxWith(raw), 'contactId', 0)).resolves.toBe(ID);
		expect(contactKeyOf.call(ctxWith(raw), 0)).toBe(`contact:${ID}`);
	});

	it('names the field when a URL is not a contact page', async () => {
		const err = await resolveContactId(
			ctxWith({ __rl: true, mode: 'url', value: 'https://example.com/x' }),
			'contactId',
			0,
		).catch((e) => e);
		expect(err).toBeInstanceOf(NodeOperationError);
		expect(err.message).toBe('"Contact" is not a contact page URL: https://example.com/x');
	});

	it('names the field when nothing is given', async () => {
		await expect(
			resolveContactId(ctxWith({ __rl: true, mode: 'list', value: '' }), 'contactId', 0),
		).rejects.toThrow('No contact given in "Contact"');
	});
});

it('Ignore Own Writes: as set, else on from version 1.1 and off in version 1', () => {
	expect(ignoresOwnWrites(undefined, 1)).toBe(false);
	expect(ignoresOwnWrites(undefined, 1.1)).toBe(true);
	expect(ignoresOwnWrites(true, 1)).toBe(true);
	expect(ignoresOwnWrites(false, 1.1)).toBe(false);
});
