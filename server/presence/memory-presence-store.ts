import type { Participant } from '../../src/lib/protocol/presence';
import { rosterView, type PresencePolicy } from '../../src/lib/room/presence';
import type { PresenceStore } from './presence-store';

export function createMemoryPresenceStore(policy: PresencePolicy): PresenceStore {
	const rooms = new Map<string, Map<string, Participant>>();
	return {
		async put(roomId, participant) {
			let room = rooms.get(roomId);
			if (!room) rooms.set(roomId, (room = new Map()));
			room.set(participant.participantId, participant);
		},
		async list(roomId, now) {
			const room = rooms.get(roomId);
			if (!room) return [];
			const { roster, expired } = rosterView([...room.values()], now, policy);
			for (const id of expired) room.delete(id);
			if (room.size === 0) rooms.delete(roomId);
			return roster;
		},
		async deleteRoom(roomId) {
			rooms.delete(roomId);
		}
	};
}
