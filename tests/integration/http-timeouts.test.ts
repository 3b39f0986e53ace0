// The HTTP timeouts in the configuration are the server's, not Node's defaults (docs/operations.md,
// HTTP timeouts): an idle keep-alive connection closes after HTTP_KEEP_ALIVE_TIMEOUT_MS.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { cleanupsAfterEach } from '../support/cleanups';
import { startTestServer } from '../support/server';

/** The least the configuration allows; Node's own default is 5 s. */
const KEEP_ALIVE_MS = 1_000;
/** Node’s own keep-alive (it closes a second after it): a connection open this long kept it. */
const NODE_DEFAULT_MS = 5_000;

const cleanups = cleanupsAfterEach();
let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer({
		env: { HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS) }
	});
});
afterAll(() => server.close());

/** Asks for /healthz on a kept-alive connection; answers how long it stayed open after the answer. */
function idleAfterAnswer(): Promise<number> {
	return new Promise((resolve) => {
		const socket = connect(server.port, '127.0.0.1');
		cleanups.push(() => socket.destroy());
		let answeredAt = 0;
		socket.on('data', () => (answeredAt ||= performance.now()));
		socket.on('error', () => {});
		socket.on('close', () => resolve(performance.now() - answeredAt));
		socket.on('connect', () =>
			socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n')
		);
	});
}

test('an idle keep-alive connection closes after the configured time, not Node’s default', async () => {
	const open = await idleAfterAnswer();
	expect(open).toBeGreaterThan(KEEP_ALIVE_MS - 100);
	expect(open).toBeLessThan(NODE_DEFAULT_MS);
}, 20_000);
