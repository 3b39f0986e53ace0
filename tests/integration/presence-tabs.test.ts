import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Participant } from '../../src/lib/protocol/presence';
import { cleanupsAfterEach } from '../support/cleanups';
import { joinAs, type JoinedPerson } from '../support/clients';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();

/** Every roster `person` receives from now on. */
function rostersOf(person: JoinedPerson): Participant[][] {
	const rosters: Participant[][] = [];
	person.socket.on('presence:roster', (roster) => rosters.push(roster));
	return rosters;
}

const statusIn = (roster: Participant[] | undefined, id: string) =>
	roster?.find((p) => p.participantId === id)?.status;

/** The statuses `id` went through in `rosters`, each once in a row. */
const changes = (rosters: Participant[][], id: string) =>
	rosters
		.map((roster) => statusIn(roster, id))
		.filter((status, i, all) => i === 0 || status !== all[i - 1]);

// One person, two tabs, on one instance, in each order of closing and reconnecting; with
// presence in memory and in Redis. Heartbeats far longer than the test, so that none repairs
// what a leave wrote wrong; a short grace, so that what follows its end is seen.
describe.each([
	['memory', () => undefined],
	['Redis', () => redis.url]
])('one person with two tabs, presence in %s (docs/protocol.md S2)', (_name, redisUrl) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer({
			redisUrl: redisUrl(),
			leaveGraceMs: 300,
			env: { PRESENCE_HEARTBEAT_MS: '60000' }
		});
	});
	afterAll(() => server.close());

	async function joined(roomId: string, name: string, id?: string): Promise<JoinedPerson> {
		const person = await joinAs(server.url, roomId, name, { id });
		cleanups.push(() => person.socket.disconnect());
		if (!person.reply.ok) throw new Error(person.reply.error.message);
		return person;
	}

	/**
	 * Someone who joins and leaves now: once they show gone, any leave grace that started
	 * before theirs has ended too.
	 */
	async function graceOver(roomId: string, rosters: Participant[][]): Promise<void> {
		const marker = await joined(roomId, 'Marker');
		marker.socket.disconnect();
		await waitFor(() => statusIn(rosters.at(-1), marker.id) === 'gone', 'the marker gone');
	}

	test('[S2] one tab closing leaves them connected; the other closing drops them, then they are gone', async () => {
		const room = await createRoom(server.url);
		const ben = await joined(room.id, 'Ben');
		const rosters = rostersOf(ben);
		const first = await joined(room.id, 'Ana');
		const second = await joined(room.id, 'Ana', first.id);
		first.socket.disconnect();
		await waitFor(() => rosters.length >= 3, 'the roster of the first tab’s leave');
		second.socket.disconnect();
		await waitFor(() => statusIn(rosters.at(-1), first.id) === 'gone', 'Ana gone');
		await graceOver(room.id, rosters);
		expect(changes(rosters, first.id)).toEqual(['connected', 'dropped', 'gone']);
	});

	test('[S2] both tabs closing at the same moment drop them, then they are gone, never back', async () => {
		const room = await createRoom(server.url);
		const ben = await joined(room.id, 'Ben');
		const first = await joined(room.id, 'Ana');
		const second = await joined(room.id, 'Ana', first.id);
		const rosters = rostersOf(ben);
		first.socket.disconnect();
		second.socket.disconnect();
		await waitFor(() => statusIn(rosters.at(-1), first.id) === 'gone', 'Ana gone');
		await graceOver(room.id, rosters);
		// The first leave may be handled before the second: connected while the second is open.
		const seen = changes(rosters, first.id);
		expect(seen.filter((status, i) => i > 0 || status !== 'connected')).toEqual([
			'dropped',
			'gone'
		]);
	});

	test('[S2, S3] a tab reconnecting while its old connection’s leave is handled stays connected past the grace', async () => {
		const room = await createRoom(server.url);
		const ben = await joined(room.id, 'Ben');
		const rosters = rostersOf(ben);
		let ana = await joined(room.id, 'Ana');
		// Several times: the old connection's leave and the new one's join interleave differently.
		for (let i = 0; i < 5; i++) {
			const rejoining = joined(room.id, 'Ana', ana.id);
			ana.socket.disconnect();
			ana = await rejoining;
		}
		await graceOver(room.id, rosters);
		expect(statusIn(rosters.at(-1), ana.id)).toBe('connected');
	});
});
