/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// What a stored Wix app token was minted for, and when the nodes have n8n mint a new one.
import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WixOAuth2Api, wixTokenFingerprint } from '../../credentials/WixOAuth2Api.credentials';
import { withCurrentToken } from '../../nodes/Wix/transport/oauthToken';

const app = {
	appId: 'app-1',
	appSecret: 'secret-1',
	instanceId: 'instance-A',
	baseUrl: 'https://www.wixapis.com',
};

describe('wixTokenFingerprint', () => {
	it('changes with the app ID, the secret, the instance and the base URL', () => {
		const base = wixTokenFingerprint(app);
		const changed = [
			{ appId: 'app-2' },
			{ appSecret: 'secret-2' },
			{ instanceId: 'instance-B' },
			{ baseUrl: 'http://127.0.0.1:7800' },
		].map((change) => wixTokenFingerprint({ ...app, ...change }));
		for (const other of changed) expect(other).not.toBe(base);
		expect(new Set(changed).size).toBe(changed.length);
	});

	it('ignores what does not change the token: pacing, the public key, the token itself, a trailing slash', () => {
		expect(
			wixTokenFingerprint({
				...app,
				baseUrl: 'https://www.wixapis.com/',
				requestsPerMinute: 0,
				publicKey: 'PEM',
				accessToken: 'OAUTH2.x',
			}),
		).toBe(wixTokenFingerprint(app));
		expect(wixTokenFingerprint({ ...app, baseUrl: '' })).toBe(wixTokenFingerprint(app));
	});

	it('does not hold the secret, and fields cannot run into each other', () => {
		const fingerprint = wixTokenFingerprint(app);
		expect(fingerprint).not.toContain(app.appSecret);
		expect(fingerprint).toMatch(/^[\w-]{43}$/);
		expect(wixTokenFingerprint({ ...app, appId: 'ab', instanceId: 'c' })).not.toBe(
			wixTokenFingerprint({ ...app, appId: 'a', instanceId: 'bc' }),
		);
	});

	it('is what preAuthentication stores with the token it mints', async () => {
		const minted = await new WixOAuth2Api().preAuthentication.call(
			{ helpers: { httpRequest: async () => ({ access_token: 'OAUTH2.new' }) } } as never,
			app,
		);
		expect(minted).toEqual({
			accessToken: 'OAUTH2.new',
			tokenFingerprint: wixTokenFingerprint(app),
		});
	});

	it('is a hidden, redacted property of the credential', () => {
		const property = new WixOAuth2Api().properties.find((p) => p.name === 'tokenFingerprint');
		expect(property).toMatchObject({ type: 'hidden', typeOptions: { password: true } });
	});
});

describe('withCurrentToken', () => {
	/** A node run whose credential is `stored`; counts reads. */
	function run(stored: ICredentialDataDecryptedObject) {
		const ctx = {
			reads: 0,
			async getCredentials() {
				ctx.reads++;
				return { ...stored };
			},
		};
		return ctx;
	}
	const saved = (changes: ICredentialDataDecryptedObject = {}) => ({
		...app,
		accessToken: 'OAUTH2.A',
		tokenFingerprint: wixTokenFingerprint(app),
		...changes,
	});

	it('leaves the API key credential alone', async () => {
		const ctx = run({});
		const seen: unknown[] = [];
		await withCurrentToken(ctx, 'wixApiKeyApi', async (options) => seen.push(options));
		expect(seen).toEqual([undefined]);
		expect(ctx.reads).toBe(0);
	});

	it('keeps a token minted for what the credential says', async () => {
		const ctx = run(saved());
		const seen: unknown[] = [];
		for (let k = 0; k < 3; k++)
			await withCurrentToken(ctx, 'wixOAuth2Api', async (options) => seen.push(options));
		expect(seen).toEqual([undefined, undefined, undefined]);
		expect(ctx.reads).toBe(1);
	});

	it.each([
		['the instance changed', { instanceId: 'instance-B' }],
		['the app ID changed', { appId: 'app-2' }],
		['the secret changed', { appSecret: 'secret-2' }],
		['the base URL changed', { baseUrl: 'http://127.0.0.1:7800' }],
		['the token was stored before fingerprints', { tokenFingerprint: undefined }],
	] as Array<[string, ICredentialDataDecryptedObject]>)(
		'sets the token aside when %s, so n8n mints one first',
		async (_what, changes: ICredentialDataDecryptedObject) => {
			const stored = saved(changes);
			const seen: Array<IAdditionalCredentialOptions | undefined> = [];
			await withCurrentToken(run(stored), 'wixOAuth2Api', async (options) => seen.push(options));
			expect(seen).toHaveLength(1);
			expect(seen[0]?.credentialsDecrypted?.data).toEqual({ ...stored, accessToken: '' });
		},
	);

	it('lets one request of a run mint while the others wait, then sends them with the new token', async () => {
		const ctx = run(saved({ instanceId: 'instance-B' }));
		const order: string[] = [];
		let release = () => {};
		const minting = new Promise<void>((resolve) => (release = resolve));
		const requests = [0, 1, 2].map((k) =>
			withCurrentToken(ctx, 'wixOAuth2Api', async (options) => {
				order.push(`${k} ${options ? 'mint' : 'stored'}`);
				if (options) await minting;
				return k;
			}),
		);
		await new Promise((r) => setImmediate(r));
		expect(order).toEqual(['0 mint']);
		release();
		expect(await Promise.all(requests)).toEqual([0, 1, 2]);
		expect(order).toEqual(['0 mint', '1 stored', '2 stored']);
		expect(ctx.reads).toBe(1);
	});

	it('after a failed mint the next request checks again instead of using the old token', async () => {
		const stored = saved({ instanceId: 'instance-B' });
		const ctx = run(stored);
		const order: string[] = [];
		const first = withCurrentToken(ctx, 'wixOAuth2Api', async (options) => {
			order.push(`first ${options ? 'mint' : 'stored'}`);
			throw new Error('Invalid client_id or client_secret');
		});
		const second = withCurrentToken(ctx, 'wixOAuth2Api', async (options) => {
			order.push(`second ${options ? 'mint' : 'stored'}`);
			return 'ok';
		});
		await expect(first).rejects.toThrow(/client_secret/);
		await expect(second).resolves.toBe('ok');
		expect(order).toEqual(['first mint', 'second mint']);
		expect(ctx.reads).toBe(2);
	});

	it('a credential that cannot be read fails the request and lets the next one try', async () => {
		let fail = true;
		const ctx = {
			async getCredentials(): Promise<ICredentialDataDecryptedObject> {
				if (fail) throw new Error('no credential');
				return saved();
			},
		};
		await expect(withCurrentToken(ctx, 'wixOAuth2Api', async () => 'sent')).rejects.toThrow(
			/no credential/,
		);
		fail = false;
		await expect(withCurrentToken(ctx, 'wixOAuth2Api', async () => 'sent')).resolves.toBe('sent');
	});
});
