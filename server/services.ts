import { DEFAULT_PRESENCE_POLICY } from '../src/lib/room/presence';
import type { Config } from './config';
import { PlaybookCatalog } from './playbooks/playbook-catalog';
import { createRedisPlaybookStore } from './playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from './playbooks/sqlite-playbook-store';
import { createMemoryPresenceStore } from './presence/memory-presence-store';
import type { PresenceStore } from './presence/presence-store';
import { createRedisPresenceStore } from './presence/redis-presence-store';
import { connectRedis } from './redis/connect';
import { RoomRegistry } from './rooms/room-registry';
import type { DocStore } from './storage/doc-store';
import { createRedisDocStore } from './storage/redis-doc-store';
import { openSqlite } from './storage/sqlite';
import { createSqliteDocStore } from './storage/sqlite-doc-store';
import type { PlaybookStore } from './playbooks/playbook-store';

/** The stateful parts of a server, chosen by configuration: embedded, or Redis when REDIS_URL is set. */
export interface Services {
	config: Config;
	rooms: RoomRegistry;
	playbooks: PlaybookCatalog;
	presence: PresenceStore;
	/** Stores every loaded room and closes the backends. */
	close(): Promise<void>;
}

interface Backends {
	docs: DocStore;
	playbooks: PlaybookStore;
	presence: PresenceStore;
	close(): Promise<void>;
}

async function openBackends(config: Config): Promise<Backends> {
	if (config.REDIS_URL) {
		const redis = await connectRedis(config.REDIS_URL, 'practice-room');
		return {
			docs: createRedisDocStore(redis),
			playbooks: createRedisPlaybookStore(redis),
			presence: createRedisPresenceStore(redis, DEFAULT_PRESENCE_POLICY),
			close: async () => {
				await redis.close();
			}
		};
	}
	const db = openSqlite(config.DATA_DIR);
	return {
		docs: createSqliteDocStore(db),
		playbooks: createSqlitePlaybookStore(db),
		presence: createMemoryPresenceStore(DEFAULT_PRESENCE_POLICY),
		close: async () => db.close()
	};
}

export async function createServices(config: Config): Promise<Services> {
	const backends = await openBackends(config);
	const playbooks = new PlaybookCatalog(backends.playbooks);
	const rooms = new RoomRegistry(backends.docs, {
		unloadGraceMs: config.ROOM_UNLOAD_GRACE_MS,
		findPlaybook: (id) => playbooks.find(id)
	});
	return {
		config,
		rooms,
		playbooks,
		presence: backends.presence,
		async close() {
			await rooms.closeAll();
			await backends.close();
		}
	};
}
