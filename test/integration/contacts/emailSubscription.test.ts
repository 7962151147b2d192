/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The Email Subscription resource of the Wix Contacts node.
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/executeContext';
import type { RunOptions } from '../../helpers/executeContext';
import { contactsNode } from '../../helpers/contactsNode';
import { admin, apiKeyCredentials, wix, useTestSandbox } from '../../helpers/sandbox';

const sandbox = useTestSandbox();
const { node, run, contact, counts } = contactsNode(sandbox);

describe('Email Subscription resource', () => {
	const r = (parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) =>
		runNode({
			node,
			parameters: { resource: 'emailSubscription', ...parameters },
			credentials: apiKeyCredentials(sandbox),
			...extra,
		});

	it('upserts one, bulk-upserts 100 per request with per-item errors, and reads them back', async () => {
		const c = await contact({ emails: { items: [{ email: 'sub@example.com' }] } });
		expect(
			(await r({ operation: 'upsert', email: 'sub@example.com', subscriptionStatus: 'SUBSCRIBED' }))
				.output[0].json,
		).toMatchObject({ email: 'sub@example.com', subscriptionStatus: 'SUBSCRIBED' });
		const stored = (await wix(sandbox, 'GET', `/contacts/v4/contacts/${c.id}`)).body.contact;
		expect(stored.info.extendedFields.items['emailSubscriptions.subscriptionStatus']).toBe(
			'SUBSCRIBED',
		);

		await admin(sandbox, 'DELETE', '/requests');
		const items = Array.from({ length: 150 }, (_, k) => ({
			email: k === 7 ? 'broken' : `bulk${k}@example.com`,
		}));
		const bulk = await r(
			{
				operation: 'bulkUpsert',
				email: (_: number, item: IDataObject) => item.email,
				subscriptionStatus: 'UNSUBSCRIBED',
			},
			{ items, continueOnFail: true },
		);
		expect(bulk.output).toHaveLength(150);
		expect(bulk.output[7].json.error).toMatch(/email must be a valid email/);
		expect(bulk.output[8].json).toMatchObject({
			email: 'bulk8@example.com',
			subscriptionStatus: 'UNSUBSCRIBED',
		});
		expect((await counts())['POST /email-marketing/v1/email-subscriptions/bulk']).toBe(2);

		const got = await r({
			operation: 'getAll',
			emails: 'sub@example.com, bulk1@example.com, unknown@example.com',
		});
		expect(got.output.map((o) => [o.json.email, o.json.subscriptionStatus])).toEqual([
			['sub@example.com', 'SUBSCRIBED'],
			['bulk1@example.com', 'UNSUBSCRIBED'],
		]);
	});

	it('lets Get Many find only SUBSCRIBED contacts', async () => {
		await contact({ emails: { items: [{ email: 'yes@example.com' }] } });
		await contact({ emails: { items: [{ email: 'no@example.com' }] } });
		await r({ operation: 'upsert', email: 'yes@example.com', subscriptionStatus: 'SUBSCRIBED' });
		await r({ operation: 'upsert', email: 'no@example.com', subscriptionStatus: 'UNSUBSCRIBED' });
		const { output } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { subscriptionStatus: ['SUBSCRIBED'] },
			options: { fields: ['primaryInfo', 'info.labelKeys', 'info.extendedFields'] },
		});
		expect(output.map((o: any) => o.json.primaryInfo.email)).toEqual(['yes@example.com']);
		expect(Object.keys(output[0].json).sort()).toEqual(['id', 'info', 'primaryInfo', 'revision']);
	});
});
