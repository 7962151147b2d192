// Values loaded once per execution (labels, custom fields, and later tiers, badges, pipelines and
// stages): n8n gives each execution its own context object, so a cache keyed by it lives exactly
// as long as the run, and a failed load is forgotten so the next item tries again.

export class PerExecutionCache<C extends object, T> {
	private readonly pending = new WeakMap<C, Promise<T>>();

	constructor(private readonly load: (ctx: C) => Promise<T>) {}

	async get(ctx: C): Promise<T> {
		let pending = this.pending.get(ctx);
		if (!pending) {
			pending = this.load(ctx);
			this.pending.set(ctx, pending);
			pending.catch(() => this.pending.delete(ctx));
		}
		return await pending;
	}

	/** Forgets what was loaded, after this run changed it. */
	forget(ctx: C) {
		this.pending.delete(ctx);
	}
}
