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
});
