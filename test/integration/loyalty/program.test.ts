// Wix Loyalty → Program, run in-process against the sandbox over HTTP.
import { useTestSandbox } from '../../helpers/sandbox';
import { loyaltyNodes } from '../../helpers/loyaltyNode';

const sandbox = useTestSandbox();
const { runLoyalty: run } = loyaltyNodes(sandbox);

describe('Program', () => {
	it('gets the program and says plainly that a DRAFT program is not active', async () => {
		const { output } = await run({ resource: 'program', operation: 'get' });
		expect(output[0].json).toMatchObject({ status: 'DRAFT', active: false });
		expect(output[0].json.statusMessage).toMatch(/not active.*Activate/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('activates the program once; activating an active program sends no second activate', async () => {
		const first = await run({ resource: 'program', operation: 'activate' });
		expect(first.output[0].json).toMatchObject({ status: 'ACTIVE', active: true });
		const again = await run({ resource: 'program', operation: 'activate' });
		expect(again.output[0].json).toMatchObject({ status: 'ACTIVE', active: true });
		expect(again.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('updates name, point name and icon; the program stays DRAFT', async () => {
		const { output } = await run({
			resource: 'program',
			operation: 'update',
			updateFields: {
				name: 'Loyalty rewarded',
				pointName: 'Stars',
				iconUrl: 'https://my-icons.example/star.svg',
				iconAltText: 'star icon',
			},
		});
		expect(output[0].json).toMatchObject({
			name: 'Loyalty rewarded',
			pointDefinition: {
				customName: 'Stars',
				icon: { url: 'https://my-icons.example/star.svg', altText: 'star icon' },
			},
			status: 'DRAFT',
			active: false,
		});
	});

	it('refuses an update with nothing to change, or a one-letter name, before any request', async () => {
		const { output, requests } = await run(
			{ resource: 'program', operation: 'update', updateFields: { name: 'X' } },
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/2 to 50 characters.*item 0, field "Name"/);
		const empty = await run(
			{ resource: 'program', operation: 'update', updateFields: {} },
			{ continueOnFail: true },
		);
		expect(empty.output[0].json.error).toMatch(/No fields to update/);
		expect([...requests, ...empty.requests]).toHaveLength(0);
	});

	it('pauses an active program (then it says it is not active); pausing a DRAFT one changes nothing', async () => {
		const draft = await run({ resource: 'program', operation: 'pause' });
		expect(draft.output[0].json).toMatchObject({ status: 'DRAFT', active: false });
		await run({ resource: 'program', operation: 'activate' });
		const paused = await run({ resource: 'program', operation: 'pause' });
		expect(paused.output[0].json).toMatchObject({ status: 'PAUSED', active: false });
		expect(paused.output[0].json.statusMessage).toMatch(/PAUSED/);
	});
});
