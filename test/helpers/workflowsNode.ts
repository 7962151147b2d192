/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Runs the Wix Workflows node in-process against a test sandbox, and makes the records a test
// needs straight through the sandbox's API (not through the node under test).
import { WixWorkflows } from '../../nodes/Wix/Workflows/WixWorkflows.node';
import { runNode, type RunOptions } from './executeContext';
import type { WixSandbox } from '../../sandbox/server';
import { apiKeyCredentials, wix } from './sandbox';

export function workflowsNode(sandbox: WixSandbox, api: 'pipelines' | 'workflows') {
	const node = new WixWorkflows();
	/** A call to the sandbox that must succeed. */
	const ok = async (method: string, path: string, body?: unknown): Promise<any> => {
		const { status, body: result } = await wix(sandbox, method, path, body);
		if (status !== 200) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(result)}`);
		return result;
	};
	return {
		node,
		ok,
		/** Runs one operation of this API. */
		run: (parameters: Record<string, unknown>, extra: Partial<RunOptions> = {}) =>
			runNode({
				node,
				parameters: { api, ...parameters },
				credentials: apiKeyCredentials(sandbox),
				...extra,
			}),
		contact: async (first: string, email?: string): Promise<string> =>
			(
				await ok('POST', '/contacts/v4/contacts', {
					info: {
						name: { first },
						...(email ? { emails: { items: [{ email }] } } : {}),
					},
				})
			).contact.id,
	};
}

/** A resource locator value as the editor saves it. */
export const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
