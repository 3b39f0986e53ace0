import { DEFAULT_PRESENCE_POLICY } from '../src/lib/room/presence';
import { retentionMs, type Config } from './config';
import { Metrics } from './metrics';
import { PlaybookCatalog } from './playbooks/playbook-catalog';
import { createRedisPlaybookStore } from './playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from './playbooks/sqlite-playbook-store';
import { createMemoryPresenceStore } from './presence/memory-presence-store';
import type { PresenceStore } from './presence/presence-store';
import { createRedisPresenceStore } from './presence/redis-presence-store';
import { checkReadiness, redisProbe, sqliteProbe, type Probe, type Readiness } from './readiness';
import { connectRedis } from './redis/connect';
import { RoomRegistry } from './rooms/room-registry';
import { startRoomSweeper } from './rooms/room-sweeper';
import type { DocStore } from './storage/doc-store';
import { createRedisDocStore } from './storage/redis-doc-store';
import { openSqlite } from './storage/sqlite';
import { createSqliteDocStore } from './storage/sqlite-doc-store';
import type { PlaybookStore } from './playbooks/playbook-store';
import { createRedisTeamStore } from './teams/redis-team-store';
import { createSqliteTeamStore } from './teams/sqlite-team-store';
import { startTeamSweeper } from './teams/team-sweeper';
import type { TeamStore } from './teams/team-store';

/** The stateful parts of a server, chosen by configuration: embedded, or Redis when REDIS_URL is set. */
export interface Services {
	config: Config;
	rooms: RoomRegistry;
	playbooks: PlaybookCatalog;
	presence: PresenceStore;
	teams: TeamStore;
	metrics: Metrics;
	/** Asks every backend whether it answers (`/readyz`). */
	readiness(): Promise<Readiness>;
	/** Stores every loaded room and closes the backends. */
	close(): Promise<void>;
}

/** How often expired rooms are looked for. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

interface Backends {
	docs: DocStore;
	playbooks: PlaybookStore;
	presence: PresenceStore;
	teams: TeamStore;
	/** One probe per backend, by name. */
	probes: Record<string, Probe>;
	close(): Promise<void>;
}

async function openBackends(config: Config, now: () => number): Promise<Backends> {
	if (config.REDIS_URL) {
		const redis = await connectRedis(config.REDIS_URL, 'practice-room');
		return {
			docs: createRedisDocStore(redis, { retentionMs: retentionMs(config) }),
			playbooks: createRedisPlaybookStore(redis),
			presence: createRedisPresenceStore(redis, DEFAULT_PRESENCE_POLICY),
			teams: createRedisTeamStore(redis, { retentionMs: retentionMs(config) }),
			probes: { redis: redisProbe(redis) },
			close: async () => {
				await redis.close();
			}
		};
	}
	const db = openSqlite(config.DATA_DIR);
	return {
		docs: createSqliteDocStore(db, { now }),
		playbooks: createSqlitePlaybookStore(db),
		presence: createMemoryPresenceStore(DEFAULT_PRESENCE_POLICY),
		teams: createSqliteTeamStore(db, { retentionMs: retentionMs(config) }),
		probes: { sqlite: sqliteProbe(db) },
		close: async () => db.close()
	};
}

export async function createServices(config: Config): Promise<Services> {
	const now = () => Date.now();
	const backends = await openBackends(config, now);
	const metrics = new Metrics();
	const playbooks = new PlaybookCatalog(backends.playbooks);
	const rooms = new RoomRegistry(backends.docs, {
		unloadGraceMs: config.ROOM_UNLOAD_GRACE_MS,
		findPlaybook: (id) => playbooks.find(id),
		metrics
	});
	metrics.measure('roomsInMemory', () => rooms.loadedCount);
	metrics.measure('documentConnections', () => rooms.documentConnectionCount);
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
	// Teams expire like rooms (ROOM_RETENTION_DAYS).
	const teamSweeper = startTeamSweeper({ teams: backends.teams, everyMs: SWEEP_EVERY_MS, now });
	return {
		config,
		rooms,
		playbooks,
		presence: backends.presence,
		teams: backends.teams,
		metrics,
		readiness: () => checkReadiness(backends.probes),
		async close() {
			await sweeper.stop();
			await teamSweeper.stop();
			await rooms.closeAll();
			await backends.close();
		}
	};
}
