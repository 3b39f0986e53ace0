import { z } from 'zod';
import type { RedisClient } from '../redis/connect';
import type { CircleAddOutcome, CircleStore } from './circle-store';
import { circleKey, teamKeys } from '../redis/keys';
import { parseStoredCircleItem } from './stored-circle-item';

/** The scripts' KEYS: the team's record, shares, circle (`{"owner":…,"item":…}` by id), others. */
const keysOf = teamKeys;

const OUTCOMES: readonly CircleAddOutcome[] = ['saved', 'taken', 'full', 'not-found'];

/**
 * One step on the server, so two members taking the last place or the same id cannot both win.
 * Every write moves the expiry of all the team's keys. KEYS: team, shares, circle. ARGV: id,
 * entry, most items, expiry (ms since the epoch).
 */
const ADD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not-found' end
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 'taken' end
if redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[3]) then return 'full' end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
for _, key in ipairs(KEYS) do redis.call('PEXPIREAT', key, ARGV[4]) end
return 'saved'
`;

/** KEYS: team, shares, circle. ARGV: id, owner, expiry. Deletes only the owner's own item. */
const REMOVE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local raw = redis.call('HGET', KEYS[3], ARGV[1])
if not raw then return 0 end
if cjson.decode(raw).owner ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[3], ARGV[1])
for _, key in ipairs(KEYS) do redis.call('PEXPIREAT', key, ARGV[3]) end
return 1
`;

const entrySchema = z.object({ owner: z.string(), item: z.unknown() });

/**
 * A team's circle in Redis. Its key expires with the team's (every circle write moves all of
 * the team's keys), so Redis deletes it by itself and `deleteExpired` has nothing to do.
 */
export function createRedisCircleStore(
	client: RedisClient,
	{ retentionMs }: { retentionMs: number }
): CircleStore {
	return {
		async add(teamId, owner, item, { maxItems, now }) {
			const reply = await client.eval(ADD, {
				keys: keysOf(teamId),
				arguments: [
					item.id,
					JSON.stringify({ owner, item }),
					String(maxItems),
					String(now + retentionMs)
				]
			});
			const outcome = OUTCOMES.find((known) => known === reply);
			if (!outcome) throw new Error('unexpected reply from the circle script');
			return outcome;
		},
		async remove(teamId, itemId, owner, now) {
			const removed = await client.eval(REMOVE, {
				keys: keysOf(teamId),
				arguments: [itemId, owner, String(now + retentionMs)]
			});
			return removed === 1;
		},
		async items(teamId) {
			const entries = await client.hVals(circleKey(teamId));
			return entries
				.map((raw) => {
					const entry = entrySchema.safeParse(parseJson(raw));
					return entry.success ? parseStoredCircleItem(JSON.stringify(entry.data.item)) : undefined;
				})
				.filter((item) => item !== undefined);
		},
		async deleteExpired() {
			return 0;
		}
	};
}

function parseJson(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}
