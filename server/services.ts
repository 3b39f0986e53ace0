import { presencePolicy } from '../src/lib/room/presence';
import { retentionMs, type Config } from './config';
import { log } from './log';
import { Metrics } from './metrics';
import { PlaybookCatalog } from './playbooks/playbook-catalog';
import { createRedisPlaybookStore } from './playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from './playbooks/sqlite-playbook-store';
import { createMemoryPresenceStore } from './presence/memory-presence-store';
import type { PresenceStore } from './presence/presence-store';
import { createRedisPresenceStore } from './presence/redis-presence-store';
import { checkReadiness, redisProbe, sqliteProbe, type Probe, type Readiness } from './readiness';
import { createAdapter } from '@socket.io/redis-adapter';
import { connectRedis } from './redis/connect';
import { SOCKET_IO_PREFIX } from './redis/keys';
import { RedisSubscriber } from './redis/subscriber';
import { migrateRedis } from './redis/migrate-redis';
import type { AwarenessFeed } from './fanout/awareness-feed';
import { LocalHub } from './fanout/local-hub';
import { redisAwarenessFeed } from './fanout/redis-awareness-feed';
import { STORE_WITHIN_MS } from './rooms/log-writer';
import { newSecret } from './rooms/room-secrets';
import { redisRoomLock } from './rooms/redis-room-lock';
import { processLock, type RoomLock } from './rooms/room-lock';
import { RoomRegistry } from './rooms/room-registry';
import { startRoomSweeper } from './rooms/room-sweeper';
import type { BlobStore } from './storage/blob-store';
import type { DocumentLog } from './storage/document-log';
import { createRedisBlobStore } from './storage/redis-blob-store';
import { createSqliteBlobStore } from './storage/sqlite-blob-store';
import { MAX_ROOM_CLIP_BYTES } from '../src/lib/protocol/clips';
import { createRedisDocumentLog } from './storage/redis-document-log';
import { createRedisRoomStore } from './storage/redis-room-store';
import type { RoomStore } from './storage/room-store';
import { openSqlite } from './storage/sqlite';
import { createSqliteDocumentLog } from './storage/sqlite-document-log';
import { createSqliteRoomStore } from './storage/sqlite-room-store';
import type { PlaybookStore } from './playbooks/playbook-store';
import { createRedisTeamStore } from './teams/redis-team-store';
import { createSqliteTeamStore } from './teams/sqlite-team-store';
import { startTeamSweeper } from './teams/team-sweeper';
import type { CircleStore } from './teams/circle-store';
import { createRedisCircleStore } from './teams/redis-circle-store';
import { createSqliteCircleStore } from './teams/sqlite-circle-store';
import type { TeamStore } from './teams/team-store';
import { createRedisPairingStore } from './teams/redis-pairing-store';
import { createSqlitePairingStore } from './teams/sqlite-pairing-store';
import type { PairingStore } from './teams/pairing-store';
import type { Agent } from 'node:https';
import type { PushStore } from './push/push-store';
import { createRedisPushStore } from './push/redis-push-store';
import { createRedisWakeIndex } from './turns/redis-wake-index';
import { createSqliteWakeIndex } from './turns/sqlite-wake-index';
import type { WakeIndex } from './turns/wake-index';
import { createSqlitePushStore } from './push/sqlite-push-store';
import { openTurnNotifications } from './push/turn-notifications';
import type { TurnEvents } from './turns/turn-events';
import { fileVapidKeys, redisVapidKeys, type VapidKeys } from './push/vapid-keys';

/** The stateful parts of a server, chosen by configuration: embedded, or Redis when REDIS_URL is set. */
export interface Services {
	config: Config;
	rooms: RoomRegistry;
	/** The rooms' voice clips (protocol B1–B8). */
	blobs: BlobStore;
	playbooks: PlaybookCatalog;
	presence: PresenceStore;
	teams: TeamStore;
	pairing: PairingStore;
	circle: CircleStore;
	/** The rooms' Web Push subscriptions (protocol W1–W7). */
	push: PushStore;
	/** The VAPID public key, or undefined when notifications are off (`PUSH_SERVICES=off`). */
	vapidPublicKey: string | undefined;
	/**
	 * Where the async turn schedule reports turns starting and deadlines nearing (protocol A9):
	 * the push notifier (W4–W6), or nobody when notifications are off. The same for embedded and
	 * Redis deployments: the instance that decides a room's schedule tells.
	 */
	turnEvents: TurnEvents;
	/** When each room on turns next needs a server (protocol A14). */
	wakes: WakeIndex;
	metrics: Metrics;
	/**
	 * With REDIS_URL, socket.io's adapter through Redis: events to a room reach its sockets on
	 * every instance (docs/scale-out.md).
	 */
	socketIoAdapter: SocketIoAdapter | undefined;
	/** Asks every backend whether it answers (`/readyz`). */
	readiness(): Promise<Readiness>;
	/** The backend known to be down right now (Redis disconnected), without asking it. */
	unavailable(): string | undefined;
	/** Stores every loaded room and closes the backends. */
	close(): Promise<void>;
}

type SocketIoAdapter = ReturnType<typeof createAdapter>;

/** How often expired rooms are looked for. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

interface Backends {
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
	/** The deployment's VAPID key pair, made at first start. */
	vapidKeys(): Promise<VapidKeys>;
	/** One probe per backend, by name. */
	probes: Record<string, Probe>;
	/** The backend known to be down, if any (see {@link Services.unavailable}). */
	unavailable(): string | undefined;
	close(): Promise<void>;
}

async function openBackends(config: Config, now: () => number): Promise<Backends> {
	if (config.REDIS_URL) {
		const redis = await connectRedis(config.REDIS_URL, 'practice-room');
		// Not the URL: it may carry a password.
		await migrateRedis(redis, 'The data in Redis').catch(async (error: unknown) => {
			await redis.close();
			throw error;
		});
		const instanceId = newSecret();
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
			presence: createRedisPresenceStore(redis, presencePolicy(config.PRESENCE_HEARTBEAT_MS)),
			teams: createRedisTeamStore(redis, { retentionMs: retentionMs(config) }),
			pairing: createRedisPairingStore(redis, { retentionMs: retentionMs(config) }),
			circle: createRedisCircleStore(redis, { retentionMs: retentionMs(config) }),
			push: createRedisPushStore(redis),
			wakes: createRedisWakeIndex(redis),
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

/** What a test may hand the services besides the configuration. */
export interface ServiceOptions {
	/** An agent for the requests to push services (a test's, trusting its local one). */
	pushAgent?: Agent;
	/** Who hears of turns instead of the push notifier (a test's observer). */
	turnEvents?: TurnEvents;
}

export async function createServices(
	config: Config,
	options: ServiceOptions = {}
): Promise<Services> {
	const now = () => Date.now();
	const backends = await openBackends(config, now);
	const metrics = new Metrics();
	const playbooks = new PlaybookCatalog(backends.playbooks, config.COMMUNITY_PLAYBOOKS_MAX);
	const rooms = new RoomRegistry(backends.rooms, {
		unloadGraceMs: config.ROOM_UNLOAD_GRACE_MS,
		findPlaybook: (id) => playbooks.find(id),
		log: backends.log,
		awareness: backends.awareness,
		storeWithinMs: backends.storeWithinMs,
		lock: backends.lock,
		metrics,
		wakes: backends.wakes
	});
	const notifications = await openTurnNotifications(config, {
		store: backends.push,
		vapidKeys: backends.vapidKeys,
		rooms,
		now,
		...(options.pushAgent && { agent: options.pushAgent })
	}).catch(async (error: unknown) => {
		await backends.close();
		throw error;
	});
	metrics.measure('roomsInMemory', () => rooms.loadedCount);
	metrics.measure('documentConnections', () => rooms.documentConnectionCount);
	metrics.measure('storageUp', () => (backends.unavailable() === undefined ? 1 : 0));
	const sweeper = startRoomSweeper({
		rooms,
		presence: backends.presence,
		retentionMs: retentionMs(config),
		everyMs: SWEEP_EVERY_MS,
		now,
		metrics
	});
	// Rooms that expired while the server was down go at start, not an hour later.
	sweeper.sweepInBackground();
	// Summaries of playbooks stored before them are written now, in the background.
	const warmUp = new AbortController();
	playbooks.readAllSummaries(warmUp.signal).catch((error: unknown) => {
		if (!warmUp.signal.aborted) log.playbooks.warn({ err: error }, 'reading summaries failed');
	});
	// Teams expire like rooms (ROOM_RETENTION_DAYS); their circles go after them.
	const teamSweeper = startTeamSweeper({
		teams: backends.teams,
		circle: backends.circle,
		everyMs: SWEEP_EVERY_MS,
		now
	});
	// Pairing goes with its space: swept on the same timer, the space's rows first.
	const pairingSweeper = startTeamSweeper({
		teams: {
			deleteExpired: async (at: number) => {
				const spaces = await backends.pairing.deleteExpired(at);
				if (spaces > 0) log.teams.info({ spaces }, 'pairing of expired spaces deleted');
				return 0;
			}
		},
		everyMs: SWEEP_EVERY_MS,
		now
	});
	return {
		config,
		rooms,
		blobs: backends.blobs,
		playbooks,
		presence: backends.presence,
		teams: backends.teams,
		pairing: backends.pairing,
		circle: backends.circle,
		push: backends.push,
		vapidPublicKey: notifications.publicKey,
		turnEvents: options.turnEvents ?? notifications.events,
		wakes: backends.wakes,
		metrics,
		socketIoAdapter: backends.socketIoAdapter,
		readiness: () => checkReadiness(backends.probes),
		unavailable: () => backends.unavailable(),
		async close() {
			warmUp.abort();
			await sweeper.stop();
			await teamSweeper.stop();
			await pairingSweeper.stop();
			await notifications.idle();
			await rooms.closeAll();
			await backends.close();
		}
	};
}
