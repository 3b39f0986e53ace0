import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { startTestServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

const post = (path: string, body: string, contentType = 'application/json') =>
	fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('HTTP API', () => {
	test('GET /healthz answers 200 with a small JSON body', async () => {
		const response = await fetch(`${server.url}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok' });
	});

	test('GET /api/playbooks lists summaries with ids, including the Active Listening Sprint', async () => {
		const response = await fetch(`${server.url}/api/playbooks`);
		expect(response.status).toBe(200);
		const playbooks = (await response.json()) as { id: string; title: string }[];
		expect(playbooks.find((p) => p.id === 'active-listening-sprint')?.title).toBe(
			'Active Listening Sprint'
		);
	});

	test('POST /api/rooms creates a room with an unguessable id and its URL', async () => {
		const response = await post(
			'/api/rooms',
			JSON.stringify({ playbookId: 'active-listening-sprint' })
		);
		expect(response.status).toBe(201);
		const room = (await response.json()) as { id: string; url: string };
		expect(room.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(room.url).toBe(`${server.url}/r/${room.id}`);
		const stored = await fetch(`${server.url}/api/rooms/${room.id}`);
		expect(await stored.json()).toMatchObject({
			id: room.id,
			playbookId: 'active-listening-sprint'
		});
	});

	test('an unknown playbook gets 400 with a message and creates nothing', async () => {
		const before = await (await fetch(`${server.url}/healthz`)).json();
		const response = await post('/api/rooms', JSON.stringify({ playbookId: 'no-such-playbook' }));
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: 'There is no playbook "no-such-playbook".',
			code: 'unknown_playbook',
			params: { id: 'no-such-playbook' },
			problems: ['playbookId: unknown playbook "no-such-playbook"']
		});
		expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual(before);
	});

	test.each([
		['not JSON', 'playbookId=x', 'The request body must be JSON.'],
		['a missing field', '{}', 'The request is not a valid room request.'],
		['a wrong type', '{"playbookId": 42}', 'The request is not a valid room request.']
	])('a malformed body (%s) gets 400 with a message', async (_case, body, message) => {
		const response = await post('/api/rooms', body);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: string }).error).toBe(message);
	});

	test('an oversized body gets 413', async () => {
		const response = await post('/api/rooms', JSON.stringify({ playbookId: 'x'.repeat(600_000) }));
		expect(response.status).toBe(413);
	});

	test('a wrong method gets 405 and an unknown room 404', async () => {
		expect((await fetch(`${server.url}/api/rooms`)).status).toBe(405);
		expect((await fetch(`${server.url}/api/rooms/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
	});
});
