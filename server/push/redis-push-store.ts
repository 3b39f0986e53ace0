import type { RedisClient } from '../redis/connect';
import { metaKey, pushKey } from '../redis/keys';
import { redisScript } from '../storage/redis-script';
import {
	readStoredPush,
	storedOutcome,
	storedPushText,
	type PushRefusal,
	type PushStore,
	type StoredPush
} from './push-store';

/**
 * Lua: `limitPassed()` answers the limit that storing ARGV[3]'s record at endpoint ARGV[1] in the
 * push hash KEYS[2] would pass ('room-full', 'person-full'), or nil; whatever is at that endpoint
 * now counts for nobody. ARGV[4] is the limit per person, ARGV[5] per room.
 */
const LIMIT_PASSED = `
local function limitPassed()
	local others, own = 0, 0
	local entries = redis.call('HGETALL', KEYS[2])
	for i = 1, #entries, 2 do
		if entries[i] ~= ARGV[1] then
			others = others + 1
			local ok, record = pcall(cjson.decode, entries[i + 1])
			if ok and type(record) == 'table' and record.participantId == ARGV[3] then own = own + 1 end
		end
	end
	if others >= tonumber(ARGV[5]) then return 'room-full' end
	if own >= tonumber(ARGV[4]) then return 'person-full' end
	return nil
end
`;

/**
 * Stores a subscription in the room's push hash while the room exists, within the limits, and
 * gives the hash the expiry of the room's metadata (every later write to the room moves both).
 * Answers the refusal, or `{'stored', record it replaced}` (the record left out when none).
 * KEYS: meta, push. ARGV: endpoint, record (JSON), participant id, per person, per room, auth,
 * p256dh.
 */
const addScript = redisScript(`${LIMIT_PASSED}
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then return 'no-room' end
-- The endpoint's owner changes only for someone who shows its keys (W2, mayReplace). Lua
-- interns its strings, so comparing them compares references, not their bytes one by one.
local current = redis.call('HGET', KEYS[2], ARGV[1])
if current then
	local ok, record = pcall(cjson.decode, current)
	if ok and type(record) == 'table' and record.participantId ~= ARGV[3] and type(record.keys) == 'table'
		and (record.keys.auth ~= ARGV[6] or record.keys.p256dh ~= ARGV[7]) then
		return 'not-yours'
	end
end
local full = limitPassed()
if full then return full end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
if current then return {'stored', current} end
return {'stored'}
`);

/**
 * Puts a record back at its endpoint while the room exists, the endpoint holds exactly the record
 * the takeover stored, or nothing, and the limits allow, with the room's expiry as adding gives
 * it; answers 1 if it did. Past a limit, it deletes the takeover's record only. KEYS: meta, push. ARGV: endpoint, record (JSON), its participant id,
 * per person, per room, the takeover's record (JSON).
 */
const handBackScript = redisScript(`${LIMIT_PASSED}
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then return 0 end
local current = redis.call('HGET', KEYS[2], ARGV[1])
if current and current ~= ARGV[6] then return 0 end
if limitPassed() then
	-- The takeover failed all the same: its taker may be the one removed.
	redis.call('HDEL', KEYS[2], ARGV[1])
	return 0
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1
`);

/** Deletes the endpoint's entry if it is the participant's. KEYS: push. ARGV: endpoint, id. */
const removeOwnScript = redisScript(`
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local ok, record = pcall(cjson.decode, raw)
if not ok or type(record) ~= 'table' or record.participantId ~= ARGV[2] then return 0 end
return redis.call('HDEL', KEYS[1], ARGV[1])
`);

const REFUSALS: readonly PushRefusal[] = ['no-room', 'person-full', 'room-full', 'not-yours'];

/** Subscriptions in Redis: a hash per room, one of the room's keys (server/redis/keys.ts). */
export function createRedisPushStore(client: RedisClient): PushStore {
	return {
		async add(roomId, push, limits) {
			const outcome = await addScript(
				client,
				[metaKey(roomId), pushKey(roomId)],
				[
					push.endpoint,
					storedPushText(push),
					push.participantId,
					String(limits.perPerson),
					String(limits.perRoom),
					push.keys.auth,
					push.keys.p256dh
				]
			);
			if (Array.isArray(outcome) && outcome[0] === 'stored') {
				const replaced = outcome[1] === undefined ? undefined : readStoredPush(String(outcome[1]));
				return storedOutcome(replaced, push);
			}
			const reason = REFUSALS.find((known) => known === String(outcome));
			if (!reason) throw new Error(`the push script answered ${String(outcome)}`);
			return { type: 'refused', reason };
		},
		async handBack(roomId, taken, previous, limits) {
			const handedBack = await handBackScript(
				client,
				[metaKey(roomId), pushKey(roomId)],
				[
					previous.endpoint,
					storedPushText(previous),
					previous.participantId,
					String(limits.perPerson),
					String(limits.perRoom),
					storedPushText(taken)
				]
			);
			return Number(handedBack) === 1;
		},
		async remove(roomId, participantId, endpoint) {
			return (
				Number(await removeOwnScript(client, [pushKey(roomId)], [endpoint, participantId])) > 0
			);
		},
		async removeEndpoint(roomId, endpoint) {
			await client.hDel(pushKey(roomId), endpoint);
		},
		async ofPeople(roomId, participantIds) {
			const wanted = new Set(participantIds);
			return Object.values(await client.hGetAll(pushKey(roomId)))
				.map((text) => readStoredPush(String(text)))
				.filter((push): push is StoredPush => push !== undefined && wanted.has(push.participantId));
		}
	};
}
