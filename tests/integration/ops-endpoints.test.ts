import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import packageJson from '../../package.json' with { type: 'json' };
import { cleanupsAfterEach } from '../support/cleanups';
import type { RunningServer } from '../../server/app';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import type { RosterReply } from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import {
	connectSocket,
	connectSynced,
	joinAs,
	participantId,
	participantKeyOf
} from '../support/clients';
import { sampleOf, scrape } from '../support/metrics';
import { startRedis } from '../support/redis-server';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

const cleanups = cleanupsAfterEach();

async function readyz(url: string) {
	const response = await fetch(`${url}/readyz`);
	return { status: response.status, body: (await response.json()) as unknown };
}

describe('/readyz', () => {
	test('is ready when the embedded store answers', async () => {
		const server = await startTestServer();
		cleanups.push(() => server.close());
		expect(await readyz(server.url)).toEqual({
			status: 200,
			body: { status: 'ready', checks: { sqlite: 'ok' } }
		});
	});

	// An external Redis (REDIS_URL) cannot be stopped by the test.
	test.skipIf(process.env.REDIS_URL)(
		'answers 503 naming Redis once Redis stops, while /healthz stays alive',
		async () => {
			const redis = await startRedis();
			cleanups.push(() => redis.stop());
			const server = await startTestServer({ redisUrl: redis.url });
			cleanups.push(() => server.close());
			expect(await readyz(server.url)).toEqual({
				status: 200,
				body: { status: 'ready', checks: { redis: 'ok' } }
			});
			await redis.stop();
			await waitFor(async () => (await readyz(server.url)).status === 503, 'readyz to fail');
			expect((await readyz(server.url)).body).toEqual({
				status: 'not ready',
				checks: { redis: 'unreachable' }
			});
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		}
	);
});

describe('/metrics', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer();
	});
	afterAll(() => server.close());

	test('is valid Prometheus text with the event-loop delay and every kind counted', async () => {
		const samples = await scrape(server.url);
		expect(samples.get('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
		expect(samples.get('practice_room_errors_total{kind="storage"}')).toBe(0);
		expect(samples.get('practice_room_refused_writes_total{reason="control"}')).toBe(0);
	});

	test('rooms in memory and document connections follow the connections', async () => {
		const room = await createRoom(server.url);
		const client = await connectSynced(server.url, room.id);
		expect(await sampleOf(server.url, 'practice_room_rooms_in_memory')).toBe(1);
		expect(await sampleOf(server.url, 'practice_room_document_connections')).toBe(1);
		const relayedBefore = await sampleOf(
			server.url,
			'practice_room_updates_relayed_total{type="document"}'
		);
		client.doc.getText(NOTES_TEXT).insert(0, 'counted, never logged');
		await waitFor(
			async () =>
				(await sampleOf(server.url, 'practice_room_updates_relayed_total{type="document"}'))! >
				relayedBefore!,
			'the update to be counted'
		);
		client.provider.destroy();
		await waitFor(
			async () => (await sampleOf(server.url, 'practice_room_document_connections')) === 0,
			'the connection to be gone'
		);
		// The room leaves memory after its unload grace (50 ms in tests).
		await waitFor(
			async () => (await sampleOf(server.url, 'practice_room_rooms_in_memory')) === 0,
			'the room to leave memory'
		);
	});

	test('connected people go up when someone joins over socket.io, and down when they leave', async () => {
		const room = await createRoom(server.url);
		const socket = await connectSocket(server.url);
		cleanups.push(() => socket.disconnect());
		expect(await sampleOf(server.url, 'practice_room_connected_people')).toBe(0);
		const id = participantId();
		const joined = (await socket.emitWithAck('room:join', {
			protocolVersion: PROTOCOL_VERSION,
			roomId: room.id,
			participantId: id,
			participantKey: participantKeyOf(id),
			name: 'Ana',
			roleId: 'speaker'
		})) as RosterReply;
		expect(joined.ok).toBe(true);
		expect(await sampleOf(server.url, 'practice_room_connected_people')).toBe(1);
		socket.disconnect();
		await waitFor(
			async () => (await sampleOf(server.url, 'practice_room_connected_people')) === 0,
			'the person to leave'
		);
	});

	test('rooms started, requests refused by which limit, and the release running', async () => {
		const limited = await startTestServer({ roomsPerAddressPerHour: 1 });
		cleanups.push(() => limited.close());
		await createRoom(limited.url);
		const refused = await fetch(`${limited.url}/api/rooms`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ playbookId: 'active-listening-sprint' })
		});
		expect(refused.status).toBe(429);
		const samples = await scrape(limited.url);
		expect(samples.get('practice_room_rooms_created_total')).toBe(1);
		expect(samples.get('practice_room_refused_requests_total{reason="room_starts"}')).toBe(1);
		expect(samples.get('practice_room_refused_requests_total{reason="team_writes"}')).toBe(0);
		expect(
			samples.get(
				`practice_room_build_info{version="${packageJson.version}",node="${process.versions.node}"}`
			)
		).toBe(1);
	});

	test('document relay and command handling times are histograms', async () => {
		const room = await createRoom(server.url);
		const relayed = 'practice_room_document_relay_seconds_count';
		const relayedBefore = (await sampleOf(server.url, relayed)) ?? 0;
		const client = await connectSynced(server.url, room.id);
		cleanups.push(() => client.provider.destroy());
		client.doc.getText(NOTES_TEXT).insert(0, 'timed on its way to the log');
		await waitFor(
			async () => ((await sampleOf(server.url, relayed)) ?? 0) > relayedBefore,
			'the relay to be timed'
		);
		const buckets = await scrape(server.url);
		expect(buckets.get('practice_room_document_relay_seconds_bucket{le="+Inf"}')).toBe(
			buckets.get(relayed)
		);

		const commands = 'practice_room_command_seconds_count';
		const commandsBefore = (await sampleOf(server.url, commands)) ?? 0;
		// Joining confirms the room's agreements: one command.
		const person = await joinAs(server.url, room.id, 'Ana');
		cleanups.push(() => person.socket.disconnect());
		expect(person.reply.ok).toBe(true);
		expect(await sampleOf(server.url, commands)).toBe(commandsBefore + 1);
	});

	test('every metric the example alerts in docs/operations.md name is on /metrics', async () => {
		const doc = readFileSync('docs/operations.md', 'utf8');
		const block = /### Example alerts[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
		const rules = (
			parse(block ?? '') as { groups: { rules: { alert: string; expr: string }[] }[] }
		).groups.flatMap((group) => group.rules);
		expect(rules.map((rule) => rule.alert)).toEqual(
			expect.arrayContaining([
				'PracticeRoomErrors',
				'PracticeRoomEventLoopDelay',
				'PracticeRoomRedisDown'
			])
		);
		const exposed = (await (await fetch(`${server.url}/metrics`)).text()).split('\n');
		const named = rules.flatMap((rule) => rule.expr.match(/\b(?:practice_room|nodejs)_\w+/g) ?? []);
		expect(named.length).toBeGreaterThan(0);
		for (const name of named) {
			expect(
				exposed.some((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`)),
				name
			).toBe(true);
		}
	});

	test('answers only GET', async () => {
		const response = await fetch(`${server.url}/metrics`, { method: 'POST' });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET');
	});
});
