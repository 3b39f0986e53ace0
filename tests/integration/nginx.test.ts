import { connect } from 'node:tls';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import { HSTS } from '../../server/http/security-headers';
import { connectSynced } from '../support/clients';
import {
	fetchTrusting,
	hasOpenssl,
	nginxBinary,
	startNginx,
	type RawAnswer,
	type RunningNginx
} from '../support/nginx';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

/**
 * deploy/nginx.conf and deploy/nginx-tls.conf run by a real nginx in front of a real server,
 * when an nginx binary is installed (`apt-get install nginx-light`). CI has none, so there
 * these are skipped and compose.test.ts reads the configs instead (docs/operations.md, "What
 * the tests check without Docker"). tests/support/nginx.ts says what is adapted.
 */

const hsts = (answer: RawAnswer) =>
	answer.headers.filter(([name]) => name === 'strict-transport-security').map(([, v]) => v);

describe.skipIf(!nginxBinary || !hasOpenssl)('deploy/nginx.conf served by nginx', () => {
	let server: RunningServer;
	let proxy: RunningNginx;
	beforeAll(async () => {
		server = await startTestServer({ trustProxy: 1 });
		proxy = await startNginx('deploy/nginx.conf', new URL(server.url).host);
	});
	afterAll(async () => {
		await proxy?.stop();
		await server?.close();
	});

	test('a client’s X-Forwarded-Proto: https is replaced: no HSTS and http links over plain HTTP', async () => {
		const spoofed = { 'x-forwarded-proto': 'https' };
		const answer = await fetch(`${proxy.http}/api/playbooks`, { headers: spoofed });
		expect(answer.status).toBe(200);
		expect(answer.headers.get('strict-transport-security')).toBeNull();
		const created = await fetch(`${proxy.http}/api/rooms`, {
			method: 'POST',
			headers: { ...spoofed, 'content-type': 'application/json' },
			body: JSON.stringify({ playbookId: 'active-listening-sprint' })
		});
		expect(created.status).toBe(201);
		expect(((await created.json()) as { url: string }).url).toMatch(`${proxy.http}/r/`);
	});
});

describe.skipIf(!nginxBinary || !hasOpenssl)('deploy/nginx-tls.conf served by nginx', () => {
	let server: RunningServer;
	let proxy: RunningNginx;
	const fetchTls = (path: string, init?: { method?: string; body?: string }) =>
		fetchTrusting(proxy.cert, `${proxy.https}${path}`, init);

	beforeAll(async () => {
		server = await startTestServer({ trustProxy: 1 });
		proxy = await startNginx('deploy/nginx-tls.conf', new URL(server.url).host);
	});
	afterAll(async () => {
		await proxy?.stop();
		await server?.close();
	});

	test('plain HTTP answers the health check and redirects everything else to HTTPS, without HSTS', async () => {
		expect((await fetch(`${proxy.http}/lb-healthz`)).status).toBe(200);
		const moved = await fetch(`${proxy.http}/r/some-room?x=1`, { redirect: 'manual' });
		expect(moved.status).toBe(301);
		expect(moved.headers.get('location')).toBe('https://127.0.0.1/r/some-room?x=1');
		expect(moved.headers.get('strict-transport-security')).toBeNull();
	});

	test('every HTTPS answer carries one Strict-Transport-Security header, the app’s and nginx’s own', async () => {
		const api = await fetchTls('/api/playbooks');
		expect(api.status).toBe(200);
		expect(hsts(api)).toEqual([HSTS]);
		const own = await fetchTls('/metrics');
		expect(own.status).toBe(404);
		expect(hsts(own)).toEqual([HSTS]);
	});

	test('a room started over HTTPS gets an https link', async () => {
		const created = await fetchTls('/api/rooms', {
			method: 'POST',
			body: JSON.stringify({ playbookId: 'active-listening-sprint' })
		});
		expect(created.status).toBe(201);
		expect((JSON.parse(created.body) as { url: string }).url).toMatch(`${proxy.https}/r/`);
	});

	test('the stock Yjs provider and socket.io client work through TLS', async () => {
		const room = await createRoom(server.url);
		const ca = proxy.cert;
		class TrustingWebSocket extends WebSocket {
			constructor(url: string, protocols?: string | string[]) {
				super(url, protocols, { ca });
			}
		}
		const doc = new Y.Doc();
		const overTls = new WebsocketProvider(
			`${proxy.https.replace('https', 'wss')}/yjs`,
			room.id,
			doc,
			{
				// reason: the provider wants a browser WebSocket constructor; ws implements that interface.
				WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
				disableBc: true
			}
		);
		const direct = await connectSynced(server.url, room.id);
		const socket = io(proxy.https, { transports: ['websocket'], reconnection: false, ca });
		try {
			await waitFor(() => overTls.synced, 'the provider to sync through nginx');
			doc.getText('notes').insert(0, 'over TLS');
			await waitFor(
				() => direct.doc.getText('notes').toString() === 'over TLS',
				'the edit to arrive'
			);
			await waitFor(() => socket.connected, 'socket.io to connect through nginx');
		} finally {
			socket.close();
			overTls.destroy();
			direct.provider.destroy();
		}
	});

	test('TLS 1.2 suites without AEAD are refused, AEAD ones accepted', async () => {
		const port = Number(new URL(proxy.https).port);
		const handshake = (ciphers: string) =>
			new Promise<boolean>((resolve) => {
				const options = { host: '127.0.0.1', port, ca: proxy.cert, ciphers };
				const socket = connect({ ...options, maxVersion: 'TLSv1.2' }, () => {
					socket.end();
					resolve(true);
				});
				socket.on('error', () => resolve(false));
			});
		expect(await handshake('ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA')).toBe(false);
		expect(await handshake('ECDHE-ECDSA-AES128-GCM-SHA256')).toBe(true);
	});
});
