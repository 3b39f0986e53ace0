import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRedisPlaybookStore } from '../../server/playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from '../../server/playbooks/sqlite-playbook-store';
import { createMemoryPresenceStore } from '../../server/presence/memory-presence-store';
import { createRedisPresenceStore } from '../../server/presence/redis-presence-store';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
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
	async (policy) => ({ store: createRedisPresenceStore(client, policy), close: () => {} }),
	createRedisRoom
);
// Not in the contract: the memory store serves one instance, which hears its own erase, and
// knows no rooms. Instances sharing Redis may miss an erase notice and heart-beat on.
describe('Redis presence after an erase on another instance', () => {
	test('a heartbeat for the erased room stores nobody and leaves no key of the room', async () => {
		const roomId = 'RRRRRRRRRRRRRRRRRRRRRR';
		const now = 1_700_000_000_000;
		const ada: Participant = {
			participantId: 'id-Ada-00000',
			name: 'Ada',
			roleId: 'listener',
			status: 'connected',
			seenAt: now
		};
		const presence = createRedisPresenceStore(client, {
			staleAfterMs: 30_000,
			forgetAfterMs: 600_000
		});
		await createRedisRoom(roomId);
		await presence.put(roomId, ada);
		expect((await presence.list(roomId, now)).map((p) => p.name)).toEqual(['Ada']);
		// The erasing instance deletes the room and its presence...
		await redisRooms().deleteRoom(roomId);
		await presence.deleteRoom(roomId);
		// ...and one that has not heard of it sends Ada's next heartbeat.
		await presence.put(roomId, { ...ada, seenAt: now + 5_000 });
		expect(await presence.list(roomId, now + 5_000)).toEqual([]);
		expect(await client.keys(`*${roomId}*`)).toEqual([]);
	});
});
teamStoreContract('SQLite', (options) => sqlite((db) => createSqliteTeamStore(db, options))());
teamStoreContract('Redis', async (options) => ({
	store: createRedisTeamStore(client, options),
	close: () => {}
}));
