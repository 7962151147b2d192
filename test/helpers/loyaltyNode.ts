/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Runs the Wix Loyalty and Wix Members nodes in-process against a test sandbox, and makes the
// records a test needs straight through the sandbox's API (not through the nodes under test).
import { WixLoyalty } from '../../nodes/Wix/Loyalty/WixLoyalty.node';
import { WixMembers } from '../../nodes/Wix/Members/WixMembers.node';
import type { WixSandbox } from '../../sandbox/server';
import { runNode, type RunOptions } from './executeContext';
import { admin, apiKeyCredentials, wix } from './sandbox';

export function loyaltyNodes(sandbox: WixSandbox) {
	const loyalty = new WixLoyalty();
	const members = new WixMembers();
	/** A call to the sandbox that must succeed. */
	const ok = async (method: string, path: string, body?: unknown): Promise<any> => {
		const { status, body: result } = await wix(sandbox, method, path, body);
		if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
		return result;
	};
	const run =
		(node: WixLoyalty | WixMembers) =>
		(parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) =>
			runNode({ node, parameters, credentials: apiKeyCredentials(sandbox), ...extra });
	const contact = async (first: string, email?: string): Promise<string> =>
		(
			await ok('POST', '/contacts/v4/contacts', {
				info: { name: { first }, ...(email ? { emails: { items: [{ email }] } } : {}) },
			})
		).contact.id;
	return {
		ok,
		runLoyalty: run(loyalty),
		runMembers: run(members),
		contact,
		activate: async () => await ok('POST', '/loyalty-programs/v1/program/activate'),
		/** A contact with a loyalty account (the program must be active). */
		account: async (first: string, email?: string) =>
			(
				await ok('POST', '/loyalty-accounts/v1/accounts', {
					contactId: await contact(first, email),
				})
			).account,
		/** The contact signs up: it becomes a site member. */
		member: async (contactId: string) =>
			(await admin(sandbox, 'POST', '/members', { contactId })).member,
		earn: async (accountId: string, amount: number, key = `k-${accountId}-${Math.random()}`) =>
			(
				await ok('POST', `/loyalty-accounts/v1/accounts/${accountId}/earn-points`, {
					amount,
					appId: 'test',
					idempotencyKey: key,
				})
			).account,
	};
}

/** A resource locator value as the editor saves it. */
export const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
