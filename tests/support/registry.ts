import { LocalHub } from '../../server/fanout/local-hub';
import { STORE_WITHIN_MS } from '../../server/rooms/log-writer';
import { processLock } from '../../server/rooms/room-lock';
import { RoomRegistry } from '../../server/rooms/room-registry';
import type { DocumentLog } from '../../server/storage/document-log';
import type { RoomStore } from '../../server/storage/room-store';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { Cleanups } from './cleanups';

/** A backend's rooms and documents, as one instance uses them. */
export interface Storage {
	rooms: RoomStore;
	log: DocumentLog;
}

/**
 * The rooms of one instance on `storage`, with the built-in playbooks, unloading at once when
 * empty; closed with the test's `cleanups`.
 */
export function registryOn(cleanups: Cleanups, { rooms: store, log }: Storage) {
	const rooms = new RoomRegistry(store, {
		unloadGraceMs: 0,
		findPlaybook: async (id) => findBuiltInPlaybook(id),
		log,
		awareness: new LocalHub().awareness(log.instanceId),
		storeWithinMs: STORE_WITHIN_MS,
		lock: processLock
	});
	cleanups.push(() => rooms.closeAll());
	return rooms;
}
