/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// One route table per API module; the server matches a request against their concatenation.
import type { Caller, Permission, SandboxCredentials } from './auth';
import type { SiteContext } from './context';

export { MANAGE, READ, type Caller, type Permission } from './auth';

export interface RouteRequest<S = unknown> {
	ctx: SiteContext<S>;
	/** The `{name}` segments of the path, in order, URL-decoded. */
	params: string[];
	body: Record<string, any>;
	qs: Record<string, any>;
	caller: Caller;
	creds: SandboxCredentials;
}

export interface Route<S = unknown> {
	method: string;
	/** Wix's path with `{name}` for each parameter; `METHOD path` names the endpoint in the request log. */
	path: string;
	permission: Permission;
	run: (request: RouteRequest<S>) => unknown;
}

/** A route builder for a module whose handlers read the part `S` of the site; tables read like Wix's docs. */
export function routesFor<S>() {
	return (
		method: string,
		path: string,
		permission: Permission,
		run: (request: RouteRequest<S>) => unknown,
	): Route<S> => ({ method, path, permission, run });
}

/** The first route whose method and segments fit, with its parameters; `segments` as the caller decoded them. */
export function matchRoute<R extends { method: string; path: string }>(
	routes: readonly R[],
	method: string,
	segments: string[],
): { route: R; params: string[] } | undefined {
	for (const candidate of routes) {
		if (candidate.method !== method) continue;
		const parts = candidate.path.split('/').filter(Boolean);
		if (parts.length !== segments.length) continue;
		const params: string[] = [];
		let fits = true;
		for (let k = 0; k < parts.length && fits; k++) {
			if (parts[k].startsWith('{')) params.push(segments[k]);
			else fits = parts[k] === segments[k];
		}
		if (fits) return { route: candidate, params };
	}
	return undefined;
}
