// The Label and Custom Field resources of the Wix Contacts node.
import { runNode } from '../../helpers/executeContext';
import { contactsNode } from '../../helpers/contactsNode';
import { apiKeyCredentials, useTestSandbox } from '../../helpers/sandbox';

const sandbox = useTestSandbox();
const { node } = contactsNode(sandbox);

describe('Label and Custom Field resources', () => {
	it('finds or creates, lists, renames and deletes labels', async () => {
		const r = (parameters: Record<string, unknown>) =>
			runNode({
				node,
				parameters: { resource: 'label', ...parameters },
				credentials: apiKeyCredentials(sandbox),
			});
		const created = (await r({ operation: 'findOrCreate', displayName: 'Hot Lead' })).output[0]
			.json;
		expect(created).toMatchObject({ key: 'custom.hot-lead', created: true });
		expect(
			(await r({ operation: 'findOrCreate', displayName: 'Hot Lead' })).output[0].json.created,
		).toBe(false);
		expect(
			(await r({ operation: 'rename', key: 'custom.hot-lead', newDisplayName: 'Warm Lead' }))
				.output[0].json,
		).toMatchObject({ key: 'custom.hot-lead', displayName: 'Warm Lead' });
		const listed = (await r({ operation: 'getAll', returnAll: true })).output.map(
			(o) => o.json.displayName,
		);
		expect(listed).toEqual(expect.arrayContaining(['Warm Lead', 'Contacted Me']));
		expect((await r({ operation: 'delete', key: 'custom.hot-lead' })).output[0].json).toEqual({
			deleted: true,
			key: 'custom.hot-lead',
		});
		await expect(r({ operation: 'delete', key: 'custom.hot-lead' })).rejects.toThrow(
			/LABEL_NOT_FOUND/,
		);
	});

	it('finds or creates typed custom fields and lists system and user-defined ones', async () => {
		const r = (parameters: Record<string, unknown>) =>
			runNode({
				node,
				parameters: { resource: 'customField', ...parameters },
				credentials: apiKeyCredentials(sandbox),
			});
		expect(
			(await r({ operation: 'findOrCreate', displayName: 'externalCrmId', dataType: 'TEXT' }))
				.output[0].json,
		).toMatchObject({ key: 'custom.externalcrmid', dataType: 'TEXT', created: true });
		const user = (
			await r({ operation: 'getAll', returnAll: true, fieldType: 'USER_DEFINED' })
		).output.map((o) => o.json.key);
		expect(user).toEqual(['custom.externalcrmid']);
		const system = (
			await r({ operation: 'getAll', returnAll: true, fieldType: 'SYSTEM' })
		).output.map((o) => o.json.key);
		expect(system).toContain('emailSubscriptions.subscriptionStatus');
		await expect(
			r({ operation: 'delete', key: 'emailSubscriptions.subscriptionStatus' }),
		).rejects.toThrow(/system field/);
	});
});
