import { storedTeamSchema } from '../../src/lib/protocol/team';
import type { RedisClient } from '../redis/connect';
import { pairingKeys, sharesKey, teamKey, teamKeys } from '../redis/keys';
import { parseStoredShare } from './stored-share';
import type { ShareOutcome, TeamStore } from './team-store';

const SHARE_OUTCOMES: readonly ShareOutcome[] = ['saved', 'team-full', 'not-found'];

/**
 * One step on the server, so two members sharing at once cannot both take the last place.
 * KEYS: team, shares, then the team's other keys. ARGV: member, share, most members, expiry
 * (ms since the epoch).
 */
const SHARE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not-found' end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 and redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[3]) then
	return 'team-full'
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
for _, key in ipairs(KEYS) do redis.call('PEXPIREAT', key, ARGV[4]) end
return 'saved'
`;

/** KEYS: team, shares, then the team's other keys. ARGV: member, expiry (ms since the epoch). */
const WITHDRAW = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
for _, key in ipairs(KEYS) do redis.call('PEXPIREAT', key, ARGV[2]) end
return 1
`;

/**
 * An agreement to erase (T6) in one step, the rule of src/lib/team/space-erase.ts
 * (`everyoneAgreed`) in Lua, so nothing can be added between the check and the deletion.
 * KEYS: team, shares, circle, erase, pairing cards, pairing. ARGV: member, pairing member,
 * expiry. Answers -1 for no team, 0 when erased, else how many have agreed.
 */
const AGREE_TO_ERASE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', KEYS[4], ARGV[1], ARGV[2])
local agreed = redis.call('HGETALL', KEYS[4])
local members, pairingMembers = {}, {}
for i = 1, #agreed, 2 do
	members[agreed[i]] = true
	pairingMembers[agreed[i + 1]] = true
end
local waiting = false
for _, member in ipairs(redis.call('HKEYS', KEYS[2])) do
	if not members[member] then waiting = true end
end
for _, raw in ipairs(redis.call('HVALS', KEYS[3])) do
	if not members[cjson.decode(raw).owner] then waiting = true end
end
for _, member in ipairs(redis.call('HKEYS', KEYS[5])) do
	if not pairingMembers[member] then waiting = true end
end
if waiting then
	for _, key in ipairs(KEYS) do redis.call('PEXPIREAT', key, ARGV[3]) end
	return #agreed / 2
end
redis.call('DEL', unpack(KEYS))
return 0
`;

/** JSON, or undefined for anything else, so a damaged record reads as no team. */
function parseJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}

export interface RedisTeamStoreOptions {
	/** How long a team's keys live after its last activity, in ms. */
	retentionMs: number;
}

/**
 * Teams in Redis. Every write sets the expiry of all of a team's keys to `retentionMs` after it,
 * so Redis deletes an unused team by itself and `deleteExpired` has nothing to do.
 */
export function createRedisTeamStore(
	client: RedisClient,
	{ retentionMs }: RedisTeamStoreOptions
): TeamStore {
	return {
		async create(team) {
			const created = await client.set(teamKey(team.id), JSON.stringify(team), {
				condition: 'NX',
				expiration: { type: 'PXAT', value: team.createdAt + retentionMs }
			});
			if (created !== 'OK') throw new Error(`team ${team.id} exists already`);
		},
		async get(id) {
			const raw = await client.get(teamKey(id));
			if (raw === null) return undefined;
			const parsed = storedTeamSchema.safeParse(parseJson(raw));
			return parsed.success ? parsed.data : undefined;
		},
		async share(teamId, member, share, { maxMembers, now }) {
			const reply = await client.eval(SHARE, {
				keys: teamKeys(teamId),
				arguments: [member, JSON.stringify(share), String(maxMembers), String(now + retentionMs)]
			});
			const outcome = SHARE_OUTCOMES.find((known) => known === reply);
			if (!outcome) throw new Error('unexpected reply from the share script');
			return outcome;
		},
		async withdraw(teamId, member, now) {
			const found = await client.eval(WITHDRAW, {
				keys: teamKeys(teamId),
				arguments: [member, String(now + retentionMs)]
			});
			return found === 1;
		},
		async shares(teamId) {
			const bodies = await client.hVals(sharesKey(teamId));
			return bodies.map(parseStoredShare).filter((share) => share !== undefined);
		},
		async agreeToErase(teamId, { member, pairingMember }, now) {
			const pairing = pairingKeys(teamId);
			const reply = await client.eval(AGREE_TO_ERASE, {
				keys: [...teamKeys(teamId), pairing.cards, pairing.pairing],
				arguments: [member, pairingMember, String(now + retentionMs)]
			});
			if (typeof reply !== 'number') throw new Error('unexpected reply from the erase script');
			if (reply < 0) return { outcome: 'not-found' };
			if (reply === 0) return { outcome: 'erased' };
			return { outcome: 'waiting', agreed: reply };
		},
		async deleteExpired() {
			return 0;
		}
	};
}
