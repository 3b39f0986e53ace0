import { participantSchema, type Participant } from '../../src/lib/protocol/presence';
import { rosterView, type PresencePolicy } from '../../src/lib/room/presence';
import type { RedisClient } from '../redis/connect';
import type { PresenceStore } from './presence-store';

const rosterKey = (roomId: string) => `pr:room:{${roomId}}:presence`;

/**
 * A Redis hash per room, participant id → JSON record. Heartbeats refresh `seenAt`; the whole
 * hash expires once nobody has refreshed it for the forget period.
 */
export function createRedisPresenceStore(
	client: RedisClient,
	policy: PresencePolicy
): PresenceStore {
	return {
		async put(roomId, participant) {
			const key = rosterKey(roomId);
			await client
				.multi()
				.hSet(key, participant.participantId, JSON.stringify(participant))
				.pExpire(key, policy.forgetAfterMs)
				.exec();
		},
		async list(roomId, now) {
			const key = rosterKey(roomId);
			const stored = await client.hGetAll(key);
			const records: Participant[] = [];
			for (const raw of Object.values(stored)) {
				const parsed = participantSchema.safeParse(JSON.parse(raw));
				if (parsed.success) records.push(parsed.data);
			}
			const { roster, expired } = rosterView(records, now, policy);
			if (expired.length > 0) await client.hDel(key, expired);
			return roster;
		},
		async deleteRoom(roomId) {
			await client.del(rosterKey(roomId));
		}
	};
}
