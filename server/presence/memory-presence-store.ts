import type { PresenceRecord } from '../../src/lib/protocol/presence';
import { rosterView, type PresencePolicy } from '../../src/lib/room/presence';
import type { PresenceStore } from './presence-store';

/**
 * One instance's presence: a record per person and room, keyed by participant id. Every roster
 * carries the count of the process's writes to any room: a read after a write to a room is above
 * every read of it before, even one from before the room was forgotten and written again, and
 * nothing is kept of a room once its records are gone.
 */
export function createMemoryPresenceStore(policy: PresencePolicy): PresenceStore {
	const rooms = new Map<string, Map<string, PresenceRecord>>();
	let writes = 0;
	return {
		async put(roomId, record) {
			let room = rooms.get(roomId);
			if (!room) rooms.set(roomId, (room = new Map()));
			room.set(record.participantId, record);
			writes++;
		},
		async list(roomId, now) {
			const room = rooms.get(roomId);
			if (!room) return { roster: [], version: writes };
			const stored = [...room].map(([key, record]) => ({ key, record }));
			const { roster, expired } = rosterView(stored, now, policy);
			for (const key of expired) room.delete(key);
			if (room.size === 0) rooms.delete(roomId);
			return { roster, version: writes };
		},
		async deleteRoom(roomId) {
			rooms.delete(roomId);
		}
	};
}
