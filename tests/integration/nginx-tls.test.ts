import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { connect } from 'node:tls';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import { HSTS } from '../../server/http/security-headers';
import { connectSynced } from '../support/clients';
import { readRepoFile } from '../support/compose-file';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

/**
 * deploy/nginx-tls.conf run by a real nginx in front of a real server, when an nginx binary is
 * installed (`apt-get install nginx-light`; CI has none, so there this suite is skipped and
 * compose.test.ts reads the config instead). Only what a machine outside Docker needs is
 * changed: ports, file paths, the upstream's address for Docker's name `app`, and for nginx
 * older than the image's, `resolve` (Docker DNS) and `http2 on` (written `listen … http2`).
 * docs/operations.md, "What the tests check without Docker".
 */

const run = promisify(execFile);
const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));
const openssl = existsSync('/usr/bin/openssl');

/** nginx's version as numbers, from `nginx -v` (written to stderr). */
const versionOf = (binary: string) =>
	/nginx\/(\d+)\.(\d+)\.(\d+)/
		.exec(spawnSync(binary, ['-v'], { encoding: 'utf8' }).stderr)
		?.slice(1)
		.map(Number) ?? [0, 0, 0];
const atLeast = (version: number[], least: number[]) => {
	const differs = version.findIndex((part, i) => part !== least[i]);
	return differs === -1 || version[differs]! > least[differs]!;
};

const freePort = () =>
	new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

interface Answer {
	status: number;
	/** Header lines as sent, names lower-cased, so a repeated header shows twice. */
	headers: [string, string][];
	body: string;
}

describe.skipIf(!nginx || !openssl)('deploy/nginx-tls.conf served by nginx', () => {
	const dir = tempDir();
	let server: RunningServer;
	let proxy: ChildProcess;
	let cert: string;
	let http = '';
	let https = '';

	/** An HTTPS request that trusts the test's own certificate. */
	const fetchTls = (path: string, init: { method?: string; body?: string } = {}) =>
		new Promise<Answer>((resolve, reject) => {
			const req = request(`${https}${path}`, { ca: cert, method: init.method ?? 'GET' }, (res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('end', () => {
					const raw = res.rawHeaders;
					const headers: [string, string][] = [];
					for (let i = 0; i < raw.length; i += 2)
						headers.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
					resolve({ status: res.statusCode ?? 0, headers, body });
				});
			});
			req.on('error', reject);
			if (init.body) req.setHeader('content-type', 'application/json');
			req.end(init.body);
		});
	const hsts = (answer: Answer) =>
		answer.headers.filter(([name]) => name === 'strict-transport-security').map(([, v]) => v);

	beforeAll(async () => {
		server = await startTestServer({ trustProxy: 1 });
		const [plainPort, tlsPort] = [await freePort(), await freePort()];
		[http, https] = [`http://127.0.0.1:${plainPort}`, `https://127.0.0.1:${tlsPort}`];
		for (const folder of ['tls', 'acme', 'practice-room', 'temp']) mkdirSync(`${dir}/${folder}`);
		await run('openssl', [
			...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
			...['-keyout', `${dir}/tls/privkey.pem`, '-out', `${dir}/tls/fullchain.pem`, '-days', '1'],
			...['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1']
		]);
		cert = readFileSync(`${dir}/tls/fullchain.pem`, 'utf8');

		const version = versionOf(nginx!);
		const app = new URL(server.url).host;
		writeFileSync(
			`${dir}/practice-room/upstreams.conf`,
			readRepoFile('deploy/nginx/upstreams.conf')
				.replace(/^resolver.*$/gm, '')
				.replace(/\bapp:3000 resolve\b/g, app)
		);
		writeFileSync(`${dir}/practice-room/proxy.conf`, readRepoFile('deploy/nginx/proxy.conf'));
		const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
			.map((kind) => `${kind}_temp_path ${dir}/temp/${kind};`)
			.join(' ');
		let conf = readRepoFile('deploy/nginx-tls.conf')
			.replace(/^events\b/m, `pid ${dir}/nginx.pid;\nevents`)
			.replace(/^http \{/m, `http {\n${temp}`)
			.replace('listen 80;', `listen 127.0.0.1:${plainPort};`)
			.replace('listen 443 ssl;', `listen 127.0.0.1:${tlsPort} ssl;`)
			.replaceAll('/etc/nginx/tls/', `${dir}/tls/`)
			.replace('/var/www/acme', `${dir}/acme`)
			.replaceAll('include practice-room/', `include ${dir}/practice-room/`);
		if (!atLeast(version, [1, 25, 1])) {
			conf = conf.replace(' ssl;', ' ssl http2;').replace(/^\s*http2 on;$/m, '');
		}
		writeFileSync(`${dir}/nginx.conf`, conf);
		await run(nginx!, ['-t', '-q', '-p', dir, '-c', `${dir}/nginx.conf`]);
		proxy = spawn(nginx!, ['-p', dir, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'], {
			stdio: 'inherit'
		});
		await waitFor(
			() =>
				fetch(`${http}/lb-healthz`).then(
					(res) => res.ok,
					() => false
				),
			'nginx to serve'
		);
	});

	afterAll(async () => {
		if (proxy && proxy.exitCode === null) {
			const exited = new Promise((resolve) => proxy.once('exit', resolve));
			proxy.kill('SIGTERM');
			await exited;
		}
		await server?.close();
	});

	test('plain HTTP answers the health check and redirects everything else to HTTPS, without HSTS', async () => {
		expect((await fetch(`${http}/lb-healthz`)).status).toBe(200);
		const moved = await fetch(`${http}/r/some-room?x=1`, { redirect: 'manual' });
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
		expect((JSON.parse(created.body) as { url: string }).url).toMatch(`${https}/r/`);
	});

	test('the stock Yjs provider and socket.io client work through TLS', async () => {
		const room = await createRoom(server.url);
		class TrustingWebSocket extends WebSocket {
			constructor(url: string, protocols?: string | string[]) {
				super(url, protocols, { ca: cert });
			}
		}
		const doc = new Y.Doc();
		const overTls = new WebsocketProvider(`${https.replace('https', 'wss')}/yjs`, room.id, doc, {
			// reason: the provider wants a browser WebSocket constructor; ws implements that interface.
			WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true
		});
		const direct = await connectSynced(server.url, room.id);
		const socket = io(https, { transports: ['websocket'], reconnection: false, ca: cert });
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
		const handshake = (ciphers: string) =>
			new Promise<boolean>((resolve) => {
				const port = Number(new URL(https).port);
				const options = {
					host: '127.0.0.1',
					port,
					ca: cert,
					ciphers,
					maxVersion: 'TLSv1.2' as const
				};
				const socket = connect(options, () => {
					socket.end();
					resolve(true);
				});
				socket.on('error', () => resolve(false));
			});
		expect(await handshake('ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA')).toBe(false);
		expect(await handshake('ECDHE-ECDSA-AES128-GCM-SHA256')).toBe(true);
	});
});
