/**
 * The SDK's "Original" types describe the REST shapes but type timestamps as Date; on the wire
 * they are ISO strings. `Rest<T>` is the JSON the API really sends and receives.
 */
export type Rest<T> = T extends Date
	? string
	: T extends Array<infer U>
		? Array<Rest<U>>
		: T extends object
			? { [K in keyof T]: Rest<T[K]> }
			: T;
