import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRedisPlaybookStore } from '../../server/playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from '../../server/playbooks/sqlite-playbook-store';
import { createMemoryPresenceStore } from '../../server/presence/memory-presence-store';
import { createRedisPresenceStore } from '../../server/presence/redis-presence-store';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { PRESENCE_VERSION_FIELD, presenceField, presenceKey } from '../../server/redis/keys';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createRedisTeamStore } from '../../server/teams/redis-team-store';
import { createSqliteTeamStore } from '../../server/teams/sqlite-team-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import type { Playbook } from '../../src/lib/protocol/playbook';
import type { Participant } from '../../src/lib/protocol/presence';
import { playbookStoreContract } from './playbook-store.contract';
import { presenceStoreContract } from './presence-store.contract';
import { teamStoreContract } from './team-store.contract';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'contract-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

/** A fresh SQLite database per test, closed afterwards. */
function sqlite<T>(create: (db: ReturnType<typeof openSqlite>) => T) {
	return async () => {
		const db = openSqlite(tempDir());
		return { store: create(db), close: () => db.close() };
	};
}
playbookStoreContract(
	'SQLite',
	sqlite((db) => ({
		store: createSqlitePlaybookStore(db),
		saveLegacy: async (playbook: Playbook, createdAt: number) => {
			db.prepare('INSERT INTO playbooks (id, body, created_at) VALUES (?, ?, ?)').run(
				playbook.id,
				JSON.stringify(playbook),
				createdAt
			);
		},
		spoilSummary: async (id: string) => {
			db.prepare(`UPDATE playbooks SET summary = '{"id":1}' WHERE id = ?`).run(id);
		}
	}))
);
playbookStoreContract('Redis', async () => {
	// Every test starts with no playbooks: the list, count and cap depend on all of them.
	const keys = await client.keys('pr:playbooks*');
	if (keys.length > 0) await client.del(keys);
	return {
		store: {
			store: createRedisPlaybookStore(client),
			saveLegacy: async (playbook: Playbook, createdAt: number) => {
				await client.hSet('pr:playbooks', playbook.id, JSON.stringify(playbook));
				await client.zAdd('pr:playbooks:by-time', { score: createdAt, value: playbook.id });
			},
			spoilSummary: async (id: string) => {
				await client.hSet('pr:playbooks:summaries', id, '{"id":1}');
			}
		},
		close: () => {}
	};
});
presenceStoreContract('memory', async (policy) => ({
	store: createMemoryPresenceStore(policy),
	close: () => {}
}));
/** Rooms in Redis as the room store makes them: Redis presence keeps people of existing rooms only. */
const redisRooms = () => createRedisRoomStore(client, { retentionMs: 60_000 });
const createRedisRoom = (id: string) =>
	redisRooms().createRoom(
		{ id, playbookId: 'active-listening-sprint', createdAt: 0 },
		new Uint8Array()
	);
presenceStoreContract(
	'Redis',
	async (policy) => ({
		store: createRedisPresenceStore(client, policy, 'instance-a'),
		close: () => {}
	}),
	createRedisRoom
);
const POLICY = { staleAfterMs: 30_000, forgetAfterMs: 600_000 };
const NOW = 1_700_000_000_000;
/** Someone's presence record, connected as of `NOW`. */
const someone = (name: string): Participant => ({
	participantId: `id-${name}-00000`,
	name,
	roleId: 'listener',
	status: 'connected',
	seenAt: NOW
});
// Not in the contract: the memory store serves one instance, which hears its own erase, and
// knows no rooms. Instances sharing Redis may miss an erase notice and heart-beat on.
describe('Redis presence after an erase on another instance', () => {
	test('a heartbeat for the erased room stores nobody and leaves no key of the room', async () => {
		const roomId = 'RRRRRRRRRRRRRRRRRRRRRR';
		const now = NOW;
		const ada = someone('Ada');
		const presence = createRedisPresenceStore(client, POLICY, 'instance-a');
		await createRedisRoom(roomId);
		await presence.put(roomId, ada);
		expect((await presence.list(roomId, now)).roster.map((p) => p.name)).toEqual(['Ada']);
		// The erasing instance deletes the room and its presence...
		await redisRooms().deleteRoom(roomId);
		await presence.deleteRoom(roomId);
		// ...and one that has not heard of it sends Ada's next heartbeat.
		await presence.put(roomId, { ...ada, seenAt: now + 5_000 });
		expect((await presence.list(roomId, now + 5_000)).roster).toEqual([]);
		expect(await client.keys(`*${roomId}*`)).toEqual([]);
	});
});
// Not in the contract either: the memory store serves one instance.
describe('Redis presence of someone with a tab on each of two instances (docs/protocol.md S2)', () => {
	const now = NOW;
	const ben = someone('Ben');
	// Two instances' stores on one Redis (the client connects before the tests).
	const onA = () => createRedisPresenceStore(client, POLICY, 'instance-a');
	const onB = () => createRedisPresenceStore(client, POLICY, 'instance-b');
	const statuses = async (roomId: string) =>
		(await onA().list(roomId, now)).roster.map((p) => [p.name, p.status]);

	test('each instance’s record stays as it wrote it, and the roster shows them once, as present as either says', async () => {
		const roomId = 'BBBBBBBBBBBBBBBBBBBBBB';
		await createRedisRoom(roomId);
		await onB().put(roomId, ben);
		await onA().put(roomId, ben);
		expect(await statuses(roomId)).toEqual([['Ben', 'connected']]);
		// His tab on A closes, then the one on B hides: A's write does not hide B's tab.
		await onA().put(roomId, { ...ben, status: 'dropped' });
		expect(await statuses(roomId)).toEqual([['Ben', 'connected']]);
		await onB().put(roomId, { ...ben, status: 'away' });
		expect(await statuses(roomId)).toEqual([['Ben', 'away']]);
		await onB().put(roomId, { ...ben, status: 'dropped' });
		expect(await statuses(roomId)).toEqual([['Ben', 'dropped']]);
		// A record from each instance, and the roster's version (S27).
		expect(await client.hLen(presenceKey(roomId))).toBe(3);
	});

	test('[S2] of two records as present, the later join names them, whichever instance wrote last', async () => {
		const roomId = 'DDDDDDDDDDDDDDDDDDDDDD';
		await createRedisRoom(roomId);
		await onB().put(roomId, { ...ben, name: 'Benjamin', joinedAt: now - 1_000 });
		await onA().put(roomId, { ...ben, joinedAt: now - 60_000 });
		expect(await statuses(roomId)).toEqual([['Benjamin', 'connected']]);
	});

	test('a record of the earlier form (one per person, by participant id) reads as one more instance’s', async () => {
		const roomId = 'CCCCCCCCCCCCCCCCCCCCCC';
		await createRedisRoom(roomId);
		await client.hSet(presenceKey(roomId), ben.participantId, JSON.stringify(ben));
		await onA().put(roomId, { ...ben, status: 'away' });
		expect(await statuses(roomId)).toEqual([['Ben', 'connected']]);
		// Forgotten like any other: only the old field goes.
		await onA().put(roomId, { ...ben, status: 'away', seenAt: now + 600_000 });
		expect((await onA().list(roomId, now + 600_001)).roster).toMatchObject([{ status: 'away' }]);
		expect((await client.hKeys(presenceKey(roomId))).sort()).toEqual([
			PRESENCE_VERSION_FIELD,
			presenceField(ben.participantId, 'instance-a')
		]);
	});
});
describe('Redis presence with a version that is no number (written by hand, or spoiled)', () => {
	const presence = () => createRedisPresenceStore(client, POLICY, 'instance-a');
	const ada = someone('Ada');

	test('[S27] reads as version 0, and the next write starts again from Redis’s clock', async () => {
		const roomId = 'VVVVVVVVVVVVVVVVVVVVVV';
		await createRedisRoom(roomId);
		await presence().put(roomId, ada);
		await client.hSet(presenceKey(roomId), PRESENCE_VERSION_FIELD, 'spoiled');
		expect(await presence().list(roomId, NOW)).toEqual({ roster: [ada], version: 0 });

		await presence().put(roomId, { ...ada, status: 'away' });
		const { roster, version } = await presence().list(roomId, NOW);
		expect(roster).toMatchObject([{ status: 'away' }]);
		// Redis's clock in microseconds: well past any count of writes.
		expect(version).toBeGreaterThan(1_000_000_000_000_000);
	});
});
teamStoreContract('SQLite', (options) => sqlite((db) => createSqliteTeamStore(db, options))());
teamStoreContract('Redis', async (options) => ({
	store: createRedisTeamStore(client, options),
	close: () => {}
}));
