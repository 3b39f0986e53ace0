import { afterAll, beforeAll } from 'vitest';
import { LocalHub } from '../../server/fanout/local-hub';
import { redisAwarenessFeed } from '../../server/fanout/redis-awareness-feed';
import { redirectLog } from '../../server/log';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { controlLockKey } from '../../server/redis/keys';
import { RedisSubscriber } from '../../server/redis/subscriber';
import { redisRoomLock } from '../../server/rooms/redis-room-lock';
import { MemoryStorage } from '../../server/storage/memory-storage';
import { createRedisDocumentLog } from '../../server/storage/redis-document-log';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteDocumentLog } from '../../server/storage/sqlite-document-log';
import { createSqliteRoomStore } from '../../server/storage/sqlite-room-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { documentLogContract, type Instance } from './document-log.contract';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'document-log-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});
// [F6] makes a subscriber throw on purpose: its error is logged, not shown among the results.
afterAll(redirectLog({ write: () => true }));

documentLogContract('SQLite, in process', async () => {
	const db = openSqlite(tempDir());
	const now = () => Date.now();
	const hub = new LocalHub();
	const instance = (instanceId: string): Instance => ({
		log: createSqliteDocumentLog(db, { now, instanceId, hub }),
		awareness: hub.awareness(instanceId)
	});
	const [first, second] = [instance('first'), instance('second')];
	return {
		store: { rooms: createSqliteRoomStore(db, { now }), first, second },
		close: async () => {
			await first.log.close();
			await second.log.close();
			db.close();
		}
	};
});

documentLogContract('Redis', async () => {
	const subscribers: RedisSubscriber[] = [];
	const instance = async (instanceId: string): Promise<Instance> => {
		const subscriber = await RedisSubscriber.connect(client);
		subscribers.push(subscriber);
		// Without the lag, compaction trims the log right up to the snapshot's position.
		const options = { retentionMs: 60_000, instanceId, trimLagMs: 0 };
		return {
			log: createRedisDocumentLog(client, subscriber, options),
			awareness: redisAwarenessFeed(client, subscriber, instanceId)
		};
	};
	const [first, second] = [await instance('first'), await instance('second')];
	return {
		store: {
			rooms: createRedisRoomStore(client, { retentionMs: 60_000 }),
			first,
			second,
			holds: {
				lock: redisRoomLock(client, 'first'),
				takeOver: async (roomId) => void (await client.set(controlLockKey(roomId), 'second:1'))
			}
		},
		close: async () => {
			await first.log.close();
			await second.log.close();
			for (const subscriber of subscribers) subscriber.close();
		}
	};
});

documentLogContract('in memory (the fake unit tests use)', async () => {
	const storage = new MemoryStorage();
	const instance = (instanceId: string): Instance => ({
		log: storage.log(instanceId),
		awareness: storage.awareness(instanceId)
	});
	return {
		store: { rooms: storage.rooms, first: instance('first'), second: instance('second') },
		close: () => {}
	};
});
