import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { redirectLog } from '../../server/log';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { CreateTeamReply } from '../../src/lib/protocol/team';
import { cleanupsAfterEach } from '../support/cleanups';
import { sampleOf } from '../support/metrics';
import { startRedis } from '../support/redis-server';
import { createRoom, startTestServer, tempDir, type TestServerOptions } from '../support/server';

// Issue 20, item 5: every API request is answered (4xx for bad input, 503 when a backend is
// down, 500 otherwise), logged as one JSON line and counted.

const cleanups = cleanupsAfterEach();

/** Every line the server logs during this file, parsed: a line that is not JSON fails the test. */
const lines: Record<string, unknown>[] = [];
let restoreLog: () => void;
beforeAll(() => {
	restoreLog = redirectLog({
		write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>)
	});
});
afterAll(() => restoreLog());

/** Long enough for a loaded machine, far shorter than a request that is never answered. */
const ANSWER_WITHIN_MS = 5_000;

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
		signal: AbortSignal.timeout(ANSWER_WITHIN_MS)
	});

const playbookBody = () =>
	JSON.stringify({ ...findBuiltInPlaybook('five-minute-win')!, title: 'A saved playbook' });

/** A server that logs from `info` up, into {@link lines}. */
const start = (options: TestServerOptions = {}) =>
	startTestServer({ logLevel: 'info', ...options });

const linesFor = (path: string) => lines.filter((line) => line.path === path);

// An external Redis (REDIS_URL) cannot be stopped or paused by the test.
describe.skipIf(process.env.REDIS_URL)('with Redis down', () => {
	test('POST /api/rooms, POST and GET /api/playbooks answer 503 at once, logged and counted', async () => {
		const redis = await startRedis();
		cleanups.push(() => redis.stop());
		const server = await start({ redisUrl: redis.url });
		cleanups.push(() => server.close());
		await createRoom(server.url);
		expect(await sampleOf(server.url, 'practice_room_storage_up')).toBe(1);
		await redis.stop();
		lines.length = 0;

		const started = Date.now();
		const answers = await Promise.all([
			post(`${server.url}/api/rooms`, JSON.stringify({ playbookId: 'active-listening-sprint' })),
			post(`${server.url}/api/playbooks`, playbookBody()),
			fetch(`${server.url}/api/playbooks`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) })
		]);
		expect(Date.now() - started).toBeLessThan(1_000);
		for (const answer of answers) {
			expect(answer.status).toBe(503);
			expect(await answer.json()).toEqual({
				error: 'The server cannot reach its storage just now. Try again in a moment.',
				code: 'unavailable'
			});
		}
		expect(linesFor('/api/rooms')).toMatchObject([
			{ level: 50, area: 'http', method: 'POST', status: 503, dependency: 'redis' }
		]);
		expect(linesFor('/api/playbooks')).toHaveLength(2);
		expect(await sampleOf(server.url, 'practice_room_errors_total{kind="unavailable"}')).toBe(3);
		expect(await sampleOf(server.url, 'practice_room_storage_up')).toBe(0);
		// Alive all the same: a load balancer must not restart it for an outage of Redis.
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	test('a Redis that takes commands and never answers gets 503 after API_TIMEOUT_MS', async () => {
		const redis = await startRedis();
		cleanups.push(() => redis.stop());
		const server = await start({ redisUrl: redis.url, apiTimeoutMs: 300 });
		cleanups.push(() => server.close());
		await createRoom(server.url);
		redis.pause();
		cleanups.push(() => redis.resume());

		const started = Date.now();
		const answer = await post(
			`${server.url}/api/rooms`,
			JSON.stringify({ playbookId: 'active-listening-sprint' })
		);
		expect(answer.status).toBe(503);
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(await sampleOf(server.url, 'practice_room_errors_total{kind="unavailable"}')).toBe(1);
	});

	test('a team share or withdrawal gets 503 after API_TIMEOUT_MS too: the route looks its team up before its body', async () => {
		const redis = await startRedis();
		cleanups.push(() => redis.stop());
		const server = await start({ redisUrl: redis.url, apiTimeoutMs: 300 });
		cleanups.push(() => server.close());
		const team = (await (
			await post(`${server.url}/api/teams`, JSON.stringify({ name: 'Support' }))
		).json()) as CreateTeamReply;
		redis.pause();
		cleanups.push(() => redis.resume());

		const started = Date.now();
		const memberKey = 'k'.repeat(22);
		const answers = await Promise.all([
			post(`${server.url}/api/teams/${team.id}/share`, JSON.stringify({ memberKey, weeks: [] })),
			post(`${server.url}/api/teams/${team.id}/withdraw`, JSON.stringify({ memberKey }))
		]);
		expect(answers.map((answer) => answer.status)).toEqual([503, 503]);
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(await sampleOf(server.url, 'practice_room_errors_total{kind="unavailable"}')).toBe(2);
	});
});

describe('bad input and failures with embedded storage', () => {
	test('a playbook nested 5,000 levels deep (~10 KB) gets 400 with a message, and is counted', async () => {
		const server = await start();
		cleanups.push(() => server.close());
		const deep = '['.repeat(5_000) + ']'.repeat(5_000);
		const body = playbookBody().replace('"phases":', `"phases":${deep},"unused":`);
		expect(body.length).toBeGreaterThan(10_000);

		const answer = await post(`${server.url}/api/playbooks`, body);
		expect(answer.status).toBe(400);
		expect(await answer.json()).toEqual({
			error: 'The request body nests more than 32 levels deep.',
			code: 'not_json',
			problems: []
		});
		expect(
			await sampleOf(server.url, 'practice_room_refused_requests_total{reason="json_depth"}')
		).toBe(1);
		expect(await sampleOf(server.url, 'practice_room_errors_total{kind="http"}')).toBe(0);
	});

	test('an error after the body was read is answered 500, logged as one JSON line and counted', async () => {
		const dataDir = tempDir();
		const server = await start({ dataDir });
		cleanups.push(() => server.close());
		// Storage that fails under the running server: its playbooks table is gone.
		const db = new DatabaseSync(join(dataDir, 'practice-room.sqlite'));
		db.exec('DROP TABLE playbooks');
		db.close();
		lines.length = 0;

		const answers = await Promise.all(
			Array.from({ length: 20 }, () => post(`${server.url}/api/playbooks`, playbookBody()))
		);
		for (const answer of answers) {
			expect(answer.status).toBe(500);
			expect(await answer.json()).toEqual({
				error: 'Something went wrong on the server.',
				code: 'internal'
			});
		}
		const logged = linesFor('/api/playbooks');
		expect(logged).toHaveLength(20);
		expect(logged[0]).toMatchObject({
			level: 50,
			area: 'http',
			method: 'POST',
			status: 500,
			msg: 'request failed',
			err: { message: expect.stringContaining('no such table') }
		});
		expect(await sampleOf(server.url, 'practice_room_errors_total{kind="http"}')).toBe(20);
	});

	test('a client that sends its body slowly is not storage that answers slowly: no 503', async () => {
		const server = await start({ apiTimeoutMs: 300 });
		cleanups.push(() => server.close());
		const body = new TextEncoder().encode(
			JSON.stringify({ playbookId: 'active-listening-sprint' })
		);
		let sent = 0;
		// One byte every 20 ms: the whole body takes about a second, three times the timeout.
		const trickle = new ReadableStream<Uint8Array>({
			async pull(controller) {
				await new Promise((resolve) => setTimeout(resolve, 20));
				if (sent < body.length) controller.enqueue(body.subarray(sent, ++sent));
				else controller.close();
			}
		});
		const response = await fetch(`${server.url}/api/rooms`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: trickle,
			duplex: 'half'
		} as RequestInit);
		expect(response.status).toBe(201);
	});

	test('an address that cannot be parsed and a method /metrics does not take are answered and logged too', async () => {
		const server = await start();
		cleanups.push(() => server.close());
		lines.length = 0;
		const unparsable = await fetch(`${server.url}//`);
		expect(unparsable.status).toBe(400);
		const wrongMethod = await fetch(`${server.url}/metrics`, { method: 'POST' });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.get('allow')).toBe('GET');
		expect(lines).toEqual([
			expect.objectContaining({
				level: 30,
				method: 'GET',
				path: '(not a valid address)',
				status: 400,
				msg: 'request refused'
			}),
			expect.objectContaining({ level: 30, method: 'POST', path: '/metrics', status: 405 })
		]);
	});

	test('a refused request is one info line naming the rule, and nothing of its body', async () => {
		const server = await start();
		cleanups.push(() => server.close());
		lines.length = 0;
		const answer = await post(`${server.url}/api/rooms`, '{"playbookId":"secret-words"}', {
			'content-type': 'text/plain'
		});
		expect(answer.status).toBe(415);
		expect(linesFor('/api/rooms')).toEqual([
			expect.objectContaining({
				level: 30,
				method: 'POST',
				status: 415,
				refused: 'media_type',
				msg: 'request refused'
			})
		]);
		expect(JSON.stringify(lines)).not.toContain('secret-words');
		expect(
			await sampleOf(server.url, 'practice_room_refused_requests_total{reason="media_type"}')
		).toBe(1);
	});
});
