// n8n mints a Wix app token only when the stored one is empty or Wix answered 401, and saving an
// edited credential keeps the stored token. A token for the old instance goes on working, on the
// old site, so an edited credential would keep calling the site it no longer names. The credential
// stores a fingerprint of what each token was minted for; when the credential no longer matches
// it, the first request of a run goes out with the token set aside, and n8n mints and stores one.
import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject } from 'n8n-workflow';

import { wixTokenFingerprint } from '../../../credentials/WixOAuth2Api.credentials';

interface CredentialReader {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
}

// Per node run (n8n's context object): settles once the stored token is known to fit the
// credential, so the requests a run sends at once neither read the credential nor mint each.
const checked = new WeakMap<object, Promise<void>>();

/** Sends `request` with a token minted for what the credential says now. */
export async function withCurrentToken<T>(
	ctx: CredentialReader,
	credentialType: string,
	request: (options?: IAdditionalCredentialOptions) => Promise<T>,
): Promise<T> {
	if (credentialType !== 'wixOAuth2Api') return await request();
	for (;;) {
		const check = checked.get(ctx);
		if (!check) break;
		await check;
		// Gone means the request that checked failed, maybe while minting: look again.
		if (checked.get(ctx) === check) return await request();
	}
	let settle = () => {};
	const check = new Promise<void>((resolve) => (settle = resolve));
	checked.set(ctx, check);
	// A failure leaves the check to the next request (the error itself goes to the caller).
	let done = false;
	try {
		const credentials = await ctx.getCredentials(credentialType);
		if (credentials.tokenFingerprint === wixTokenFingerprint(credentials)) {
			done = true;
			settle();
			return await request();
		}
		// An empty token is what makes n8n run the credential's preAuthentication and store its result.
		const response = await request({
			credentialsDecrypted: {
				id: '',
				name: '',
				type: credentialType,
				data: { ...credentials, accessToken: '' },
			},
		});
		done = true;
		return response;
	} finally {
		if (!done) checked.delete(ctx);
		settle();
	}
}
