import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { startServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { ON_EVERY_RESPONSE, parseCsp, securityHeadersOf } from '../support/security-headers';
import { HSTS } from '../../server/http/security-headers';
import { startTestServer, tempDir } from '../support/server';
import { cleanupsAfterEach } from '../support/cleanups';

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

const request = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

describe('security headers on every response (docs/security.md)', () => {
	test.each([
		['an API answer', '/api/playbooks', undefined, 200],
		[
			'a refused request',
			'/api/rooms',
			{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
			400
		],
		['a wrong method', '/api/rooms', { method: 'DELETE' }, 405],
		['an unknown path', '/no/such/thing', undefined, 404],
		['a socket.io polling request', '/socket.io/?EIO=4&transport=polling', undefined, 200]
	])('%s carries them', async (_what, path, init, status) => {
		const response = await request(path, init);
		expect(response.status).toBe(status);
		expect(securityHeadersOf(response.headers)).toMatchObject(ON_EVERY_RESPONSE);
	});

	test('what is not a page may load nothing and be framed by nobody', async () => {
		const response = await request('/healthz');
		expect(parseCsp(response.headers.get('content-security-policy'))).toEqual({
			'default-src': ["'none'"],
			'frame-ancestors': ["'none'"]
		});
	});

	test('the Permissions-Policy keeps the screen wake lock the projector asks for', async () => {
		const { 'permissions-policy': features } = securityHeadersOf(
			(await request('/healthz')).headers
		);
		expect(features['screen-wake-lock']).toBeUndefined();
	});

	test('page answers keep the headers, and the page handler may set its own policy', async () => {
		const withPages = await startServer(
			loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDir() }),
			(_req, res) => {
				res.setHeader('content-security-policy', "default-src 'self'; frame-ancestors 'none'");
				res.writeHead(200, { 'content-type': 'text/html' }).end('<p>a page</p>');
			}
		);
		try {
			const response = await fetch(`${withPages.url}/`);
			expect(securityHeadersOf(response.headers)).toMatchObject(ON_EVERY_RESPONSE);
			expect(parseCsp(response.headers.get('content-security-policy'))['default-src']).toEqual([
				"'self'"
			]);
		} finally {
			await withPages.close();
		}
	});
});

describe('Strict-Transport-Security (docs/security.md, Transport security)', () => {
	const cleanups = cleanupsAfterEach();
	const paths = [
		['an API answer', '/api/playbooks'],
		['an unknown path', '/no/such/thing'],
		['a socket.io polling request', '/socket.io/?EIO=4&transport=polling']
	];

	test.each(paths)(
		'%s that a trusted proxy received over HTTPS carries HSTS, one over HTTP none',
		async (_what, path) => {
			const proxied = await startTestServer({ trustProxy: 1 });
			cleanups.push(() => proxied.close());
			const overHttps = await fetch(`${proxied.url}${path}`, {
				headers: { 'x-forwarded-proto': 'https' }
			});
			expect(overHttps.headers.get('strict-transport-security')).toBe(HSTS);
			const overHttp = await fetch(`${proxied.url}${path}`, {
				headers: { 'x-forwarded-proto': 'http' }
			});
			expect(overHttp.headers.get('strict-transport-security')).toBeNull();
		}
	);

	test('without a trusted proxy a client’s X-Forwarded-Proto is ignored', async () => {
		const response = await request('/api/playbooks', {
			headers: { 'x-forwarded-proto': 'https' }
		});
		expect(response.headers.get('strict-transport-security')).toBeNull();
	});

	test('HSTS lasts at least half a year, the least browsers’ preload lists and audits accept', () => {
		const maxAge = Number(/max-age=(\d+)/.exec(HSTS)?.[1]);
		expect(maxAge).toBeGreaterThanOrEqual(180 * 24 * 3600);
	});
});
