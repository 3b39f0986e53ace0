import { findPlaybook } from '../src/lib/playbooks/library';
import { DEFAULT_PRESENCE_POLICY } from '../src/lib/room/presence';
import type { Config } from './config';
import { createMemoryPresenceStore } from './presence/memory-presence-store';
import type { PresenceStore } from './presence/presence-store';
import { createRedisPresenceStore } from './presence/redis-presence-store';
import { connectRedis } from './redis/connect';
import { RoomRegistry } from './rooms/room-registry';
import type { DocStore } from './storage/doc-store';
import { createRedisDocStore } from './storage/redis-doc-store';
import { openSqliteDocStore } from './storage/sqlite-doc-store';

/** The stateful parts of a server, chosen by configuration: embedded, or Redis when REDIS_URL is set. */
export interface Services {
	config: Config;
	rooms: RoomRegistry;
	presence: PresenceStore;
	/** Stores every loaded room and closes the backends. */
	close(): Promise<void>;
}

export async function createServices(config: Config): Promise<Services> {
	let store: DocStore;
	let presence: PresenceStore;
	let disconnect = async () => {};
	if (config.REDIS_URL) {
		const redis = await connectRedis(config.REDIS_URL, 'practice-room');
		store = createRedisDocStore(redis);
		presence = createRedisPresenceStore(redis, DEFAULT_PRESENCE_POLICY);
		disconnect = async () => {
			await redis.close();
		};
	} else {
		store = openSqliteDocStore(config.DATA_DIR);
		presence = createMemoryPresenceStore(DEFAULT_PRESENCE_POLICY);
	}
	const rooms = new RoomRegistry(store, {
		unloadGraceMs: config.ROOM_UNLOAD_GRACE_MS,
		findPlaybook
	});
	return {
		config,
		rooms,
		presence,
		async close() {
			await rooms.closeAll();
			await presence.close();
			await store.close();
			await disconnect();
		}
	};
}
