/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// A local HTTP server that keeps what the sandbox POSTs to it, and decodes signed Wix events.
import { createPublicKey, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface Received {
	contentType: string;
	body: string;
	/** The path and query the delivery was posted to. */
	url: string;
}

/** Starts before the file's tests and stops after them; `received` is emptied before each test. */
export function useWebhookReceiver() {
	let server: Server;
	const state = { received: [] as Received[], url: '' };
	beforeAll(async () => {
		server = createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				state.received.push({
					contentType: String(req.headers['content-type']),
					body,
					url: String(req.url),
				});
				res.end();
			});
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
	});
	afterAll(() => new Promise<void>((r) => server.close(() => r())));
	beforeEach(() => {
		state.received.length = 0;
	});
	return state;
}

/** The domain events of signed deliveries, verified with `publicKey`, in the order of the changes. */
export function signedEvents(received: Received[], publicKey: string) {
	const key = createPublicKey(publicKey);
	return received
		.filter((r) => r.body.split('.').length === 3)
		.map((r) => {
			const [h, p, s] = r.body.split('.');
			if (!verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url')))
				throw new Error('bad signature');
			const envelope = JSON.parse(JSON.parse(Buffer.from(p, 'base64url').toString()).data);
			return { eventType: envelope.eventType as string, event: JSON.parse(envelope.data) };
		})
		.sort((x, y) => Number(x.event.entityEventSequence) - Number(y.event.entityEventSequence));
}
