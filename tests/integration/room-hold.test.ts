import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { redisRoomLock } from '../../server/rooms/redis-room-lock';
import { RoomBusy } from '../../server/rooms/room-lock';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { controlLockKey } from '../../server/redis/keys';
import { RedisSubscriber } from '../../server/redis/subscriber';
import { FenceLost } from '../../server/storage/document-log';
import { createRedisDocumentLog } from '../../server/storage/redis-document-log';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { startRedis, type TestRedis } from '../support/redis-server';

let redis: TestRedis;
let client: RedisClient;
let subscriber: RedisSubscriber;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'room-hold-tests');
	subscriber = await RedisSubscriber.connect(client);
});
afterAll(async () => {
	subscriber.close();
	await client.close();
	await redis.stop();
});

let rooms = 0;
/** A new room in Redis, its log and hold as one instance has them. */
async function newRoom() {
	const roomId = `HOLD${String(++rooms).padStart(18, '0')}`;
	const log = createRedisDocumentLog(client, subscriber, {
		retentionMs: 60_000,
		instanceId: 'one'
	});
	await createRedisRoomStore(client, { retentionMs: 60_000 }).createRoom(
		{ id: roomId, playbookId: 'active-listening-sprint', createdAt: 0 },
		Y.encodeStateAsUpdate(new Y.Doc())
	);
	const change = () => {
		const doc = new Y.Doc();
		doc.getMap('control').set('step', rooms);
		return Y.encodeStateAsUpdate(doc);
	};
	return { roomId, log, lock: redisRoomLock(client, 'one'), change };
}

/** How many SET commands Redis has run so far. */
async function setsRun(): Promise<number> {
	const stats = await client.info('commandstats');
	return Number(/cmdstat_set:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

describe('[S25] the room hold and its fence (Redis)', () => {
	test('a change appended under the hold’s token is stored; under another token it is refused and nothing is stored', async () => {
		const { roomId, log, lock, change } = await newRoom();
		const position = await lock.run(roomId, (fence) => log.append(roomId, change(), fence));
		expect(position).toBeDefined();
		await expect(log.append(roomId, change(), 'one:not-the-token')).rejects.toBeInstanceOf(
			FenceLost
		);
		expect(await log.lastPosition(roomId)).toBe(position);
	});

	test('a hold that ran out while deciding: its change is refused', async () => {
		const { roomId, log, lock, change } = await newRoom();
		const deciding = lock.run(roomId, async (fence) => {
			// As if the hold expired under a slow Redis and another instance took it.
			await client.set(controlLockKey(roomId), 'two:1');
			return log.append(roomId, change(), fence);
		});
		await expect(deciding).rejects.toBeInstanceOf(FenceLost);
		expect(await log.lastPosition(roomId)).toBeUndefined();
		// Letting go did not take the other instance's hold.
		expect(await client.get(controlLockKey(roomId))).toBe('two:1');
	});

	test('a hold held elsewhere past the wait: busy, the decision never runs, and a dozen tries at most', async () => {
		const { roomId, lock } = await newRoom();
		await client.set(controlLockKey(roomId), 'two:1', {
			expiration: { type: 'PX', value: 10_000 }
		});
		const before = await setsRun();
		let ran = false;
		const started = Date.now();
		await expect(
			lock.run(roomId, async () => {
				ran = true;
			})
		).rejects.toBeInstanceOf(RoomBusy);
		expect(ran).toBe(false);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
		expect((await setsRun()) - before).toBeLessThanOrEqual(20);
	});
});
