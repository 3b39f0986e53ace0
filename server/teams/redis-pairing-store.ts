import type { RedisClient } from '../redis/connect';
import { pairingKeys } from '../redis/keys';
import {
	parseStoredCard,
	parseStoredPairing,
	type CardOutcome,
	type PairingStore
} from './pairing-store';

const keysOf = (teamId: string) => {
	const keys = pairingKeys(teamId);
	return [keys.team, keys.shares, keys.cards, keys.pairing, keys.erase];
};

/** Sets every key of the space to expire at ARGV[n]: a write is the space's activity. */
const EXPIRE_ALL = (argv: number) => `
for _, key in ipairs(KEYS) do redis.call('PEXPIREAT', key, ARGV[${argv}]) end`;

/** KEYS: team, shares, cards, pairing, erase. ARGV: member, card, most cards, expiry. */
const SAVE_CARD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not-found' end
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 0 and redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[3]) then
	return 'full'
end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
${EXPIRE_ALL(4)}
return 'saved'
`;

/** KEYS: team, shares, cards, pairing, erase. ARGV: member, expiry. */
const DELETE_CARD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[3], ARGV[1])
${EXPIRE_ALL(2)}
return 1
`;

/** KEYS: team, shares, cards, pairing, erase. ARGV: expected version, record, expiry. */
const SET_PAIRING = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local version = tonumber(redis.call('HGET', KEYS[4], 'version') or '0')
if version ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[4], 'version', version + 1, 'body', ARGV[2])
${EXPIRE_ALL(3)}
return 1
`;

/**
 * KEYS: team, shares, cards, pairing. Before a read: the pairing keys expire with the space (a
 * share may have moved its expiry since the last pairing write), and go at once when it is gone.
 */
const ALIGN = `
local at = redis.call('PEXPIRETIME', KEYS[1])
if at < 0 then
	redis.call('DEL', KEYS[3], KEYS[4])
	return 0
end
redis.call('PEXPIREAT', KEYS[3], at)
redis.call('PEXPIREAT', KEYS[4], at)
return 1
`;

const CARD_OUTCOMES: readonly CardOutcome[] = ['saved', 'full', 'not-found'];

/**
 * Pairing in Redis: every write sets all of the space's keys to expire `retentionMs` after it,
 * and every read first gives the pairing keys the space's own expiry, so they never outlive it
 * and `deleteExpired` has nothing to do.
 */
export function createRedisPairingStore(
	client: RedisClient,
	{ retentionMs }: { retentionMs: number }
): PairingStore {
	const align = (teamId: string) => client.eval(ALIGN, { keys: keysOf(teamId), arguments: [] });
	return {
		async saveCard(teamId, member, card, { maxCards, now }) {
			const reply = await client.eval(SAVE_CARD, {
				keys: keysOf(teamId),
				arguments: [member, JSON.stringify(card), String(maxCards), String(now + retentionMs)]
			});
			const outcome = CARD_OUTCOMES.find((known) => known === reply);
			if (!outcome) throw new Error('unexpected reply from the card script');
			return outcome;
		},
		async deleteCard(teamId, member, now) {
			const found = await client.eval(DELETE_CARD, {
				keys: keysOf(teamId),
				arguments: [member, String(now + retentionMs)]
			});
			return found === 1;
		},
		async cards(teamId) {
			await align(teamId);
			const all = await client.hGetAll(pairingKeys(teamId).cards);
			return Object.entries(all).flatMap(([member, raw]) => {
				const card = parseStoredCard(raw);
				return card ? [{ member, card }] : [];
			});
		},
		async pairing(teamId) {
			await align(teamId);
			const [version, body] = await client.hmGet(pairingKeys(teamId).pairing, ['version', 'body']);
			if (version === null || version === undefined || body === null || body === undefined) {
				return parseStoredPairing(undefined, 0);
			}
			return parseStoredPairing(body, Number(version));
		},
		async setPairing(teamId, version, next, now) {
			const done = await client.eval(SET_PAIRING, {
				keys: keysOf(teamId),
				arguments: [String(version), JSON.stringify(next), String(now + retentionMs)]
			});
			return done === 1;
		},
		async deleteExpired() {
			return 0;
		}
	};
}
