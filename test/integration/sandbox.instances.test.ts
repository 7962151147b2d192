/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// One app installed on two sites, served at one URL as www.wixapis.com serves them: a token works
// on the site of the instance it was minted for and nowhere else.
import { admin, useTestSandbox } from '../helpers/sandbox';

const sandbox = useTestSandbox();

async function call(path: string, init: RequestInit = {}) {
	const response = await fetch(`${sandbox.url}${path}`, init);
	return { status: response.status, body: (await response.json()) as any };
}

async function mint(instanceId: string, appSecret = sandbox.creds.appSecret) {
	return await call('/oauth2/token', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			grant_type: 'client_credentials',
			client_id: sandbox.creds.appId,
			client_secret: appSecret,
			instance_id: instanceId,
		}),
	});
}

const createContact = async (token: string, first: string) =>
	await call('/contacts/v4/contacts', {
		method: 'POST',
		headers: { Authorization: token, 'Content-Type': 'application/json' },
		body: JSON.stringify({ info: { name: { first } } }),
	});

test('a token for instance B reads and writes site B only; each site logs its own mints', async () => {
	const b = await admin(sandbox, 'POST', '/instances', {});
	expect(b).toMatchObject({ appId: sandbox.creds.appId, baseUrl: sandbox.url });
	expect(b.instanceId).not.toBe(sandbox.creds.instanceId);
	expect(b.siteId).not.toBe(sandbox.creds.siteId);

	const tokenA = (await mint(sandbox.creds.instanceId)).body.access_token;
	const tokenB = (await mint(b.instanceId)).body.access_token;
	expect(tokenA).not.toBe(tokenB);

	const instanceOf = async (token: string) =>
		(await call('/apps/v1/instance', { headers: { Authorization: token } })).body;
	expect(await instanceOf(tokenA)).toMatchObject({
		instance: { instanceId: sandbox.creds.instanceId },
		site: { siteId: sandbox.creds.siteId },
	});
	expect(await instanceOf(tokenB)).toMatchObject({
		instance: { instanceId: b.instanceId },
		site: { siteId: b.siteId },
	});

	expect((await createContact(tokenB, 'OnB')).status).toBe(200);
	expect((await createContact(tokenA, 'OnA')).status).toBe(200);
	const names = async (prefix = '') =>
		(await admin(sandbox, 'GET', `${prefix}/state`)).contacts.map((c: any) => c.info.name.first);
	expect(await names()).toEqual(['OnA']);
	expect(await names(`/instances/${b.instanceId}`)).toEqual(['OnB']);

	const endpoints = async (prefix = '') =>
		(await admin(sandbox, 'GET', `${prefix}/requests`)).requests.map(
			(r: any) => `${r.endpoint} ${r.status}`,
		);
	expect(await endpoints(`/instances/${b.instanceId}`)).toEqual([
		'POST /oauth2/token 200',
		'GET /apps/v1/instance 200',
		'POST /contacts/v4/contacts 200',
	]);
	expect(await endpoints()).toEqual([
		'POST /oauth2/token 200',
		'GET /apps/v1/instance 200',
		'POST /contacts/v4/contacts 200',
	]);
});

test('a wrong secret for instance B is refused; an unknown instance is 400; reset uninstalls', async () => {
	const b = await admin(sandbox, 'POST', '/instances', {});
	expect((await mint(b.instanceId, 'wrong')).status).toBe(401);
	expect((await mint('not-installed')).body.details.applicationError.code).toBe(
		'INVALID_INSTANCE_ID',
	);
	await admin(sandbox, 'POST', '/reset', { seed: 'empty' });
	expect((await mint(b.instanceId)).status).toBe(400);
	const gone = await fetch(`${sandbox.url}/_sandbox/instances/${b.instanceId}/state`);
	expect(gone.status).toBe(404);
});
