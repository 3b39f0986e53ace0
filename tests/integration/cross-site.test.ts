import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { CreateTeamReply } from '../../src/lib/protocol/team';
import { sampleOf } from '../support/metrics';
import { startTestServer } from '../support/server';

// Issue 20, item 8: another site's page cannot act on the API in its visitor's name
// (docs/security.md, cross-site requests).

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

const EVIL = 'https://evil.example';

const post = (path: string, body: unknown, headers: Record<string, string>) =>
	fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

const roomBody = { playbookId: 'active-listening-sprint' };
const playbookBody = () => ({ ...findBuiltInPlaybook('five-minute-win')!, title: 'Cross-site' });
const listedPlaybooks = async () =>
	((await (await fetch(`${server.url}/api/playbooks`)).json()) as unknown[]).length;

describe('a page of another site', () => {
	test.each([
		['/api/rooms', roomBody],
		['/api/playbooks', playbookBody()]
	])(
		'cannot POST %s as text/plain (the request a page may send without asking)',
		async (path, body) => {
			const before = await listedPlaybooks();
			const response = await post(path, body, { 'content-type': 'text/plain', origin: EVIL });
			expect(response.status).toBe(403);
			expect(await response.json()).toEqual({
				error: 'Requests from other sites are not accepted.',
				code: 'cross_site',
				problems: []
			});
			expect(await listedPlaybooks()).toBe(before);
		}
	);

	test('cannot POST JSON either: rooms, playbooks and team routes refuse its Origin', async () => {
		const team = (await (
			await post('/api/teams', { name: 'Support' }, { 'content-type': 'application/json' })
		).json()) as CreateTeamReply;
		const json = { 'content-type': 'application/json', origin: EVIL };
		for (const [path, body] of [
			['/api/rooms', roomBody],
			['/api/playbooks', playbookBody()],
			['/api/teams', { name: 'Hijack' }],
			[`/api/teams/${team.id}/withdraw`, { memberKey: 'k'.repeat(22) }]
		] as const) {
			expect((await post(path, body, json)).status, path).toBe(403);
		}
		expect(
			await sampleOf(server.url, 'practice_room_refused_requests_total{reason="cross_origin"}')
		).toBe(6);
	});

	test('an Origin of null (a sandboxed frame) is another site', async () => {
		const response = await post('/api/rooms', roomBody, {
			'content-type': 'application/json',
			origin: 'null'
		});
		expect(response.status).toBe(403);
	});

	test('can still read: GET is never refused for its Origin', async () => {
		const response = await fetch(`${server.url}/api/playbooks`, { headers: { origin: EVIL } });
		expect(response.status).toBe(200);
	});
});

describe('the app’s own pages and non-browser clients', () => {
	test('a POST from the same origin starts a room', async () => {
		const response = await post('/api/rooms', roomBody, {
			'content-type': 'application/json',
			origin: server.url
		});
		expect(response.status).toBe(201);
	});

	test('a POST with no Origin (curl, scripts) starts a room', async () => {
		const response = await post('/api/rooms', roomBody, { 'content-type': 'application/json' });
		expect(response.status).toBe(201);
	});

	test('a body not sent as application/json gets 415 with a message', async () => {
		for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
			const response = await post('/api/rooms', roomBody, { 'content-type': contentType });
			expect(response.status).toBe(415);
			expect(((await response.json()) as { error: string }).error).toBe(
				'Send the request body as application/json.'
			);
		}
		const charset = await post('/api/rooms', roomBody, {
			'content-type': 'Application/JSON; charset=utf-8'
		});
		expect(charset.status).toBe(201);
	});
});
