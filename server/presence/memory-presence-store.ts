import type { PresenceRecord } from '../../src/lib/protocol/presence';
import { rosterView, type PresencePolicy } from '../../src/lib/room/presence';
import type { PresenceStore } from './presence-store';

/**
 * One instance's presence: a record per person and room, keyed by participant id. Its roster
 * versions count the writes to every room: one count for the process, so that a room forgotten
 * and written again goes on above the versions it had.
 */
export function createMemoryPresenceStore(policy: PresencePolicy): PresenceStore {
	const rooms = new Map<string, Map<string, PresenceRecord>>();
	/** Each room's version: that of its last write. */
	const versions = new Map<string, number>();
	let writes = 0;
	return {
		async put(roomId, record) {
			let room = rooms.get(roomId);
			if (!room) rooms.set(roomId, (room = new Map()));
			room.set(record.participantId, record);
			versions.set(roomId, ++writes);
		},
		async list(roomId, now) {
			const room = rooms.get(roomId);
			const version = versions.get(roomId) ?? 0;
			if (!room) return { roster: [], version };
			const stored = [...room].map(([key, record]) => ({ key, record }));
			const { roster, expired } = rosterView(stored, now, policy);
			for (const key of expired) room.delete(key);
			if (room.size === 0) rooms.delete(roomId);
			return { roster, version };
		},
		async deleteRoom(roomId) {
			rooms.delete(roomId);
			versions.delete(roomId);
		}
	};
}
