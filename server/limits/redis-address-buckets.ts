import { createHmac, randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/connect';
import { ADDRESS_SECRET_KEY, addressLimitKey } from '../redis/keys';
import type { AddressBuckets } from './address-buckets';

/**
 * Takes one token from a bucket: the refill and the refusal of `take` in token-bucket.ts, step
 * for step, on the hash `{tokens, at}` (an absent hash is a full bucket). A refusal writes
 * nothing; a taken token moves the key's expiry to when the bucket would be full again, where
 * forgetting it changes nothing. Numbers are written with 17 digits, so none is rounded.
 * KEYS: the bucket. ARGV: capacity, tokens per second, now (ms). Answers 0 when a token was
 * taken, else the ms until one would be (at least 1).
 */
const TAKE = `
local capacity = tonumber(ARGV[1])
local perSecond = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(stored[1]) or capacity
local at = tonumber(stored[2]) or now
if now > at then
	tokens = math.min(capacity, tokens + ((now - at) / 1000) * perSecond)
	at = now
end
local rounding = 1e-9
if tokens + rounding < 1 then
	return math.ceil(((1 - tokens - rounding) / perSecond) * 1000)
end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil(((capacity - tokens) / perSecond) * 1000)))
return 0
`;

/**
 * A client address as it appears in Redis: keyed with the deployment's secret, so the keys
 * neither show addresses nor let anyone without the secret try the 2^32 IPv4 addresses against
 * them. 128 bits, as many as two addresses need never to share a bucket.
 */
export const addressDigest = (secret: string, addressKey: string): string =>
	createHmac('sha256', secret).update(addressKey).digest('base64url').slice(0, 22);

/** The deployment's address secret, made by whichever instance comes first (SET NX). */
async function addressSecret(client: RedisClient): Promise<string> {
	await client.set(ADDRESS_SECRET_KEY, randomBytes(32).toString('base64url'), { condition: 'NX' });
	const stored = await client.get(ADDRESS_SECRET_KEY);
	if (stored === null) throw new Error(`Redis lost ${ADDRESS_SECRET_KEY} as it was made`);
	return stored;
}

/**
 * The buckets in Redis, shared by every instance. Each request is one script call. Each instance
 * passes its own clock: one ahead of the others by s seconds refills s seconds' worth early (one
 * room start a minute at the default), one behind refills nothing until it catches up.
 */
export async function openRedisAddressBuckets(client: RedisClient): Promise<AddressBuckets> {
	const secret = await addressSecret(client);
	return {
		limit(name, rate) {
			return async (addressKey, now) => {
				const waitMs = await client.eval(TAKE, {
					keys: [addressLimitKey(name, rate, addressDigest(secret, addressKey))],
					arguments: [String(rate.capacity), String(rate.perSecond), String(now)]
				});
				if (typeof waitMs !== 'number') throw new Error('unexpected reply from the limit script');
				return waitMs === 0 ? { ok: true } : { ok: false, retryAfterMs: waitMs };
			};
		}
	};
}
