import { createAdapter } from '@socket.io/redis-adapter';
import { MAX_ROOM_CLIP_BYTES } from '../src/lib/protocol/clips';
import { presencePolicy } from '../src/lib/room/presence';
import { retentionMs, type Config } from './config';
import type { AwarenessFeed } from './fanout/awareness-feed';
import { LocalHub } from './fanout/local-hub';
import { redisAwarenessFeed } from './fanout/redis-awareness-feed';
import { memoryAddressBuckets, type AddressBuckets } from './limits/address-buckets';
import { openRedisAddressBuckets } from './limits/redis-address-buckets';
import type { PlaybookStore } from './playbooks/playbook-store';
import { createRedisPlaybookStore } from './playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from './playbooks/sqlite-playbook-store';
import { createMemoryPresenceStore } from './presence/memory-presence-store';
import type { PresenceStore } from './presence/presence-store';
import { createRedisPresenceStore } from './presence/redis-presence-store';
import type { PushStore } from './push/push-store';
import { createRedisPushStore } from './push/redis-push-store';
import { createSqlitePushStore } from './push/sqlite-push-store';
import { fileVapidKeys, redisVapidKeys, type VapidKeys } from './push/vapid-keys';
import { redisProbe, sqliteProbe, type Probe } from './readiness';
import { connectRedis } from './redis/connect';
import { SOCKET_IO_PREFIX } from './redis/keys';
import { migrateRedis } from './redis/migrate-redis';
import { RedisSubscriber } from './redis/subscriber';
import { STORE_WITHIN_MS } from './rooms/log-writer';
import { redisRoomLock } from './rooms/redis-room-lock';
import { processLock, type RoomLock } from './rooms/room-lock';
import { newSecret } from './rooms/room-secrets';
import type { BlobStore } from './storage/blob-store';
import type { DocumentLog } from './storage/document-log';
import { createRedisBlobStore } from './storage/redis-blob-store';
import { createRedisDocumentLog } from './storage/redis-document-log';
import { createRedisRoomStore } from './storage/redis-room-store';
import type { RoomStore } from './storage/room-store';
import { openSqlite } from './storage/sqlite';
import { createSqliteBlobStore } from './storage/sqlite-blob-store';
import { createSqliteDocumentLog } from './storage/sqlite-document-log';
import { createSqliteRoomStore } from './storage/sqlite-room-store';
import type { CircleStore } from './teams/circle-store';
import type { PairingStore } from './teams/pairing-store';
import { createRedisCircleStore } from './teams/redis-circle-store';
import { createRedisPairingStore } from './teams/redis-pairing-store';
import { createRedisTeamStore } from './teams/redis-team-store';
import { createSqliteCircleStore } from './teams/sqlite-circle-store';
import { createSqlitePairingStore } from './teams/sqlite-pairing-store';
import { createSqliteTeamStore } from './teams/sqlite-team-store';
import type { TeamStore } from './teams/team-store';
import { createRedisWakeIndex } from './turns/redis-wake-index';
import { createSqliteWakeIndex } from './turns/sqlite-wake-index';
import type { WakeIndex } from './turns/wake-index';

/** socket.io's adapter through Redis (docs/scale-out.md). */
export type SocketIoAdapter = ReturnType<typeof createAdapter>;

/**
 * Every port's implementation for one deployment, opened together on one connection: the
 * embedded SQLite database, or Redis when REDIS_URL is set.
 */
export interface Backends {
	rooms: RoomStore;
	log: DocumentLog;
	blobs: BlobStore;
	awareness: AwarenessFeed;
	/** How long a room collects changes before storing them (RoomIo.storeWithinMs). */
	storeWithinMs: number;
	lock: RoomLock;
	socketIoAdapter: SocketIoAdapter | undefined;
	playbooks: PlaybookStore;
	presence: PresenceStore;
	teams: TeamStore;
	pairing: PairingStore;
	circle: CircleStore;
	push: PushStore;
	wakes: WakeIndex;
	/** The hourly limits per client address: in Redis, every instance counts against the same. */
	addressBuckets: AddressBuckets;
	/** The deployment's VAPID key pair, made at first start. */
	vapidKeys(): Promise<VapidKeys>;
	/** One probe per backend, by name. */
	probes: Record<string, Probe>;
	/** The backend known to be down right now (Redis disconnected), without asking it. */
	unavailable(): string | undefined;
	close(): Promise<void>;
}

/** Opens the backends the configuration chooses: Redis with REDIS_URL, else SQLite in DATA_DIR. */
export function openBackends(config: Config, now: () => number): Promise<Backends> {
	return config.REDIS_URL
		? openRedisBackends(config, config.REDIS_URL)
		: Promise.resolve(openSqliteBackends(config, now));
}

async function openRedisBackends(config: Config, url: string): Promise<Backends> {
	const redis = await connectRedis(url, 'practice-room');
	// Not the URL: it may carry a password.
	await migrateRedis(redis, 'The data in Redis').catch(async (error: unknown) => {
		await redis.close();
		throw error;
	});
	const instanceId = newSecret();
	const addressBuckets = await openRedisAddressBuckets(redis);
	const feeds = await RedisSubscriber.connect(redis);
	const log = createRedisDocumentLog(redis, feeds, {
		retentionMs: retentionMs(config),
		instanceId
	});
	// socket.io's adapter keeps its own subscriber: its channels are its business.
	const subscriber = redis.duplicate();
	// The main connection logs Redis errors; the same outage would be logged twice.
	subscriber.on('error', () => {});
	await subscriber.connect();
	return {
		rooms: createRedisRoomStore(redis, { retentionMs: retentionMs(config) }),
		log,
		blobs: createRedisBlobStore(redis, { maxRoomBytes: MAX_ROOM_CLIP_BYTES }),
		awareness: redisAwarenessFeed(redis, feeds, instanceId),
		// The log is how the other instances hear a change: store it at once.
		storeWithinMs: 0,
		lock: redisRoomLock(redis, instanceId),
		socketIoAdapter: createAdapter(redis, subscriber, { key: SOCKET_IO_PREFIX }),
		playbooks: createRedisPlaybookStore(redis),
		presence: createRedisPresenceStore(
			redis,
			presencePolicy(config.PRESENCE_HEARTBEAT_MS),
			instanceId
		),
		teams: createRedisTeamStore(redis, { retentionMs: retentionMs(config) }),
		pairing: createRedisPairingStore(redis, { retentionMs: retentionMs(config) }),
		circle: createRedisCircleStore(redis, { retentionMs: retentionMs(config) }),
		push: createRedisPushStore(redis),
		wakes: createRedisWakeIndex(redis),
		addressBuckets,
		// In Redis, so that every instance signs with the one pair (SET NX).
		vapidKeys: () => redisVapidKeys(redis),
		probes: { redis: redisProbe(redis) },
		// Commands sent while disconnected wait for the reconnection: better refused at once.
		unavailable: () => (redis.isReady ? undefined : 'redis'),
		close: async () => {
			await log.close();
			feeds.close();
			subscriber.destroy();
			await redis.close();
		}
	};
}

function openSqliteBackends(config: Config, now: () => number): Backends {
	const db = openSqlite(config.DATA_DIR);
	const hub = new LocalHub();
	const log = createSqliteDocumentLog(db, { now, hub });
	return {
		rooms: createSqliteRoomStore(db, { now }),
		log,
		blobs: createSqliteBlobStore(db, { maxRoomBytes: MAX_ROOM_CLIP_BYTES }),
		awareness: hub.awareness(log.instanceId),
		storeWithinMs: STORE_WITHIN_MS,
		lock: processLock,
		socketIoAdapter: undefined,
		playbooks: createSqlitePlaybookStore(db),
		presence: createMemoryPresenceStore(presencePolicy(config.PRESENCE_HEARTBEAT_MS)),
		teams: createSqliteTeamStore(db, { retentionMs: retentionMs(config) }),
		pairing: createSqlitePairingStore(db, { retentionMs: retentionMs(config) }),
		circle: createSqliteCircleStore(db, { retentionMs: retentionMs(config) }),
		push: createSqlitePushStore(db),
		wakes: createSqliteWakeIndex(db),
		// One process: its memory is where every request is counted.
		addressBuckets: memoryAddressBuckets(),
		vapidKeys: () => fileVapidKeys(config.DATA_DIR),
		probes: { sqlite: sqliteProbe(db) },
		// A file in this process: when it fails, it fails each call, which answers 500.
		unavailable: () => undefined,
		close: async () => {
			await log.close();
			db.close();
		}
	};
}
