/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// Who may call: API keys with `wix-site-id` (with the permissions a key was given) and app
// access tokens from the OAuth client-credentials flow, which expire (wix-api.md F). A key is
// either for one site or for its account: an account key may address any site of the account
// (`wix-site-id`) or the account itself (`wix-account-id`, account-level APIs).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { appError } from './errors';

export type Permission = 'read' | 'manage';
export const READ: Permission = 'read';
export const MANAGE: Permission = 'manage';

/** An API-key caller addresses one site (`siteId`) or, for account-level APIs, the account. */
export type Caller =
	| { kind: 'apiKey'; key: string; siteId?: string; account?: boolean }
	| { kind: 'app'; appId: string };

interface KeyGrant {
	permissions: Set<string>;
	/** The one site a site key reaches; absent for an account key. */
	siteId?: string;
}

export interface SandboxCredentials {
	apiKey: string;
	siteId: string;
	accountId: string;
	/** A key for every site of the account (`accountId`). */
	accountApiKey: string;
	appId: string;
	appSecret: string;
	instanceId: string;
	siteSecret: string;
	publicKey: string;
}

export function newApiKey(): string {
	return `IST.${randomBytes(24).toString('base64url')}`;
}

export class Auth {
	private readonly apiKeys = new Map<string, KeyGrant>();
	private readonly tokens = new Map<string, { expiresAt: number }>();

	constructor(
		private readonly creds: SandboxCredentials,
		public tokenTtlSeconds: number,
	) {
		this.apiKeys.set(creds.apiKey, { permissions: new Set([READ, MANAGE]), siteId: creds.siteId });
		this.apiKeys.set(creds.accountApiKey, { permissions: new Set([READ, MANAGE]) });
	}

	/** `POST /oauth2/token`: JSON client credentials for the one instance the app is installed on. */
	mintToken(body: Record<string, any>) {
		if (body.grant_type !== 'client_credentials') {
			throw appError(
				400,
				'INVALID_GRANT_TYPE',
				`grant_type must be client_credentials, got ${JSON.stringify(body.grant_type)}`,
			);
		}
		if (body.client_id !== this.creds.appId || body.client_secret !== this.creds.appSecret) {
			throw appError(401, 'UNAUTHENTICATED', 'Invalid client_id or client_secret');
		}
		if (body.instance_id !== this.creds.instanceId) {
			throw appError(
				400,
				'INVALID_INSTANCE_ID',
				`The app is not installed on an instance with ID ${JSON.stringify(body.instance_id)}`,
			);
		}
		const token = `OAUTH2.${randomBytes(32).toString('base64url')}`;
		this.tokens.set(token, { expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
		return { access_token: token, token_type: 'Bearer', expires_in: this.tokenTtlSeconds };
	}

	/** Whether this installation minted `token` (expired or not). */
	issued(token: string | undefined): boolean {
		return token !== undefined && this.tokens.has(token);
	}

	/** `hasSite` says whether a site ID is one of the account's sites. */
	authenticate(req: IncomingMessage, hasSite: (siteId: string) => boolean): Caller {
		const header = req.headers.authorization;
		if (!header) throw appError(401, 'UNAUTHENTICATED', 'Missing Authorization header');
		if (/^bearer\s/i.test(header)) {
			throw appError(
				401,
				'UNAUTHENTICATED',
				'Send the raw API key or access token in Authorization, without "Bearer "',
			);
		}
		const grant = this.apiKeys.get(header);
		if (grant) {
			const siteId = req.headers['wix-site-id'];
			const accountId = req.headers['wix-account-id'];
			if (siteId && accountId)
				throw appError(
					400,
					'INVALID_ARGUMENT',
					'Send either wix-site-id (site-level APIs) or wix-account-id (account-level APIs), not both',
				);
			if (accountId) {
				if (grant.siteId || accountId !== this.creds.accountId)
					throw appError(
						403,
						'PERMISSION_DENIED',
						`The API key has no access to account ${String(accountId)}`,
					);
				return { kind: 'apiKey', key: header, account: true };
			}
			if (!siteId)
				throw appError(403, 'PERMISSION_DENIED', 'Site-level APIs need the wix-site-id header');
			const reachable = grant.siteId ? siteId === grant.siteId : hasSite(String(siteId));
			if (!reachable)
				throw appError(
					403,
					'PERMISSION_DENIED',
					`The API key has no access to site ${String(siteId)}`,
				);
			return { kind: 'apiKey', key: header, siteId: String(siteId) };
		}
		const token = this.tokens.get(header);
		if (!token) throw appError(401, 'UNAUTHENTICATED', 'Invalid API key or access token');
		if (token.expiresAt <= Date.now())
			throw appError(401, 'UNAUTHENTICATED', 'The access token has expired');
		return { kind: 'app', appId: this.creds.appId };
	}

	/** App tokens may do everything; a key only what it was given. */
	requirePermission(caller: Caller, permission: Permission) {
		if (caller.kind === 'apiKey' && !this.apiKeys.get(caller.key)!.permissions.has(permission)) {
			throw appError(
				403,
				'PERMISSION_DENIED',
				`The API key lacks the permission to ${permission} this resource`,
			);
		}
	}

	/** A key for one site (the given one, else the first site) or, with `account`, for all of them. */
	addApiKey(
		key: string,
		permissions: string[],
		scope: { siteId?: string; account?: boolean } = {},
	): { key: string; permissions: string[]; siteId?: string; accountId?: string } {
		const siteId = scope.account ? undefined : (scope.siteId ?? this.creds.siteId);
		this.apiKeys.set(key, { permissions: new Set(permissions), siteId });
		return {
			key,
			permissions: [...permissions],
			...(siteId ? { siteId } : { accountId: this.creds.accountId }),
		};
	}

	expireTokens(): number {
		for (const token of this.tokens.values()) token.expiresAt = 0;
		return this.tokens.size;
	}
}
