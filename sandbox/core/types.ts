// The sandbox's own JSON typing. Written here rather than shared with nodes/: a stand-in that
// reuses the code it tests can agree with that code's bugs.

/** The JSON the API really sends and receives: an SDK type with every Date as an ISO string. */
export type Rest<T> = T extends Date
	? string
	: T extends Array<infer U>
		? Array<Rest<U>>
		: T extends object
			? { [K in keyof T]: Rest<T[K]> }
			: T;
