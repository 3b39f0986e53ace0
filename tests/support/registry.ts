import { LocalHub } from '../../server/fanout/local-hub';
import { STORE_WITHIN_MS } from '../../server/rooms/log-writer';
import { processLock } from '../../server/rooms/room-lock';
import { RoomRegistry } from '../../server/rooms/room-registry';
import type { BlobStore } from '../../server/storage/blob-store';
import type { DocumentLog } from '../../server/storage/document-log';
import type { RoomStore } from '../../server/storage/room-store';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { Cleanups } from './cleanups';

/** A backend's rooms, documents and (where a test needs them) voice clips, as one instance uses them. */
export interface Storage {
	rooms: RoomStore;
	log: DocumentLog;
	blobs?: BlobStore;
}

/**
 * The rooms of one instance on `storage`, with the built-in playbooks, unloading at once when
 * empty; closed with the test's `cleanups`.
 */
export function registryOn(cleanups: Cleanups, { rooms: store, log, blobs }: Storage) {
	const rooms = new RoomRegistry(store, {
		unloadGraceMs: 0,
		findPlaybook: async (id) => findBuiltInPlaybook(id),
		log,
		awareness: new LocalHub().awareness(log.instanceId),
		storeWithinMs: STORE_WITHIN_MS,
		lock: processLock,
		blobs
	});
	cleanups.push(() => rooms.closeAll());
	return rooms;
}
