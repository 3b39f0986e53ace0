import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { connectSocket, connectSynced } from '../support/clients';
import { freePort } from '../support/redis-server';
import {
	ON_EVERY_RESPONSE,
	looseSources,
	parseCsp,
	securityHeadersOf
} from '../support/security-headers';
import { createRoom, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

let dev: ChildProcess;
let url: string;

beforeAll(async () => {
	const port = await freePort();
	url = `http://localhost:${port}`;
	// The realtime module stays off under vitest; the dev server here is a real one.
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: tempDir() };
	delete env.VITEST;
	dev = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'dev', '--port', String(port), '--strictPort'],
		{
			env,
			stdio: 'ignore'
		}
	);
	await waitFor(
		() =>
			fetch(`${url}/healthz`).then(
				(response) => response.ok,
				() => false
			),
		'the dev server',
		// Vite's first start compiles the app; on a loaded 2-core machine that took over 30 s.
		90_000
	);
}, 100_000);

afterAll(() => {
	dev.kill('SIGTERM');
});

test('npm run dev serves the API, Yjs and socket.io through the same realtime module', async () => {
	const room = await createRoom(url);
	const client = await connectSynced(url, room.id);
	expect(client.doc.getMap(CONTROL_MAP).get('step')).toBe(0);
	client.provider.destroy();
	const socket = await connectSocket(url);
	expect(await socket.timeout(5_000).emitWithAck('room:watch', { roomId: room.id })).toEqual({
		ok: true,
		roster: [],
		// Nobody was ever in it: no write raised its version (protocol S27).
		rosterVersion: 0
	});
	socket.disconnect();
});

test('in dev too, pages carry the CSP and every response the security headers', async () => {
	const page = await fetch(`${url}/`);
	expect(securityHeadersOf(page.headers)).toMatchObject(ON_EVERY_RESPONSE);
	const csp = parseCsp(page.headers.get('content-security-policy'));
	expect(csp['connect-src']).toEqual(["'self'"]);
	// SvelteKit allows inline styles in dev only, where Vite injects <style> elements.
	expect(looseSources(csp)).toEqual(["'unsafe-inline'", "'unsafe-inline'"]);
	for (const path of ['/healthz', '/@vite/client']) {
		const response = await fetch(`${url}${path}`);
		expect(securityHeadersOf(response.headers)).toMatchObject(ON_EVERY_RESPONSE);
	}
});
