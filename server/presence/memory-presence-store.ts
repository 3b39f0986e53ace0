import type { PresenceRecord } from '../../src/lib/protocol/presence';
import { rosterView, type PresencePolicy } from '../../src/lib/room/presence';
import type { PresenceStore } from './presence-store';

/** One instance's presence: a record per person and room, keyed by participant id. */
export function createMemoryPresenceStore(policy: PresencePolicy): PresenceStore {
	const rooms = new Map<string, Map<string, PresenceRecord>>();
	return {
		async put(roomId, record) {
			let room = rooms.get(roomId);
			if (!room) rooms.set(roomId, (room = new Map()));
			room.set(record.participantId, record);
		},
		async list(roomId, now) {
			const room = rooms.get(roomId);
			if (!room) return [];
			const stored = [...room].map(([key, record]) => ({ key, record }));
			const { roster, expired } = rosterView(stored, now, policy);
			for (const key of expired) room.delete(key);
			if (room.size === 0) rooms.delete(roomId);
			return roster;
		},
		async deleteRoom(roomId) {
			rooms.delete(roomId);
		}
	};
}
