import { presenceRecordSchema, rosterVersionSchema } from '../../src/lib/protocol/presence';
import { rosterView, type PresencePolicy, type StoredRecord } from '../../src/lib/room/presence';
import type { RedisClient } from '../redis/connect';
import { metaKey, PRESENCE_VERSION_FIELD, presenceField, presenceKey } from '../redis/keys';
import { redisScript } from '../storage/redis-script';
import type { PresenceStore } from './presence-store';

/**
 * Writes a participant's record, raises the roster's version and renews the hash's expiry, only
 * while the room's metadata exists: an instance that missed the erase notice and heart-beats on
 * cannot bring the names of an erased room back. The version is one more than it was, or Redis's
 * clock in microseconds if that is more (it is, as no two writes run within one): a hash that
 * expired or was deleted starts again above the versions browsers hold of it (protocol S27). A
 * version that is no number (spoiled by hand) counts as 0: the clock takes over.
 * KEYS: meta, roster. ARGV: field, record, forget period in ms, version field.
 */
const putScript = redisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
local time = redis.call('TIME')
local clock = tonumber(time[1]) * 1000000 + tonumber(time[2])
local version = (tonumber(redis.call('HGET', KEYS[2], ARGV[4])) or 0) + 1
redis.call('HSET', KEYS[2], ARGV[4], string.format('%.0f', math.max(version, clock)))
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
`);

/**
 * A Redis hash per room, a field per person and instance (`presenceField`) → JSON record, and
 * the roster's version (`PRESENCE_VERSION_FIELD`), read in the same command: each
 * instance writes only its own records, from its own sockets, and the roster combines each
 * person's records (`rosterView`), so no instance overwrites what another says of someone with
 * a tab on each. Heartbeats refresh `seenAt`; the whole hash expires once nobody has refreshed
 * it for the forget period. Records are written only for a room that exists (its metadata in
 * the Redis doc store).
 */
export function createRedisPresenceStore(
	client: RedisClient,
	policy: PresencePolicy,
	instanceId: string
): PresenceStore {
	return {
		async put(roomId, record) {
			await putScript(
				client,
				[metaKey(roomId), presenceKey(roomId)],
				[
					presenceField(record.participantId, instanceId),
					JSON.stringify(record),
					String(policy.forgetAfterMs),
					PRESENCE_VERSION_FIELD
				]
			);
		},
		async list(roomId, now) {
			const key = presenceKey(roomId);
			const { [PRESENCE_VERSION_FIELD]: version = '0', ...fields } = await client.hGetAll(key);
			const stored: StoredRecord[] = [];
			for (const [field, raw] of Object.entries(fields)) {
				const parsed = presenceRecordSchema.safeParse(JSON.parse(raw));
				if (parsed.success) stored.push({ key: field, record: parsed.data });
			}
			const { roster, expired } = rosterView(stored, now, policy);
			if (expired.length > 0) await client.hDel(key, expired);
			// One that is no number reads as none yet: sent as NaN, browsers would drop every roster.
			const read = rosterVersionSchema.safeParse(Number(version));
			return { roster, version: read.success ? read.data : 0 };
		},
		async deleteRoom(roomId) {
			await client.del(presenceKey(roomId));
		}
	};
}
