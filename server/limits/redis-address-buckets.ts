import { createHmac, randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/connect';
import { ADDRESS_SECRET_KEY, addressLimitKey } from '../redis/keys';
import { redisScript } from '../storage/redis-script';
import type { AddressBuckets } from './address-buckets';

/** What the script answers when the deployment's address secret is not the one it was given. */
const OTHER_SECRET = -1;

/**
 * Takes one token from a bucket: the refill and the refusal of `take` in token-bucket.ts, step
 * for step, on the hash `{tokens, at}` (an absent hash is a full bucket). One difference: a
 * refusal writes nothing, where the memory bucket keeps its refill, which only matters when a
 * request is stamped before the one refused (clocks of instances apart): Redis is then the
 * stricter. A taken token moves the key's expiry to when the bucket would be full again, where
 * forgetting it changes nothing. Numbers are written with 17 digits, so none is rounded.
 * First it checks that the secret the address was hashed with is still the deployment's: one
 * lost from Redis (a flush, a restart without persistence) would have the instances started
 * since hash with another, and count apart.
 * KEYS: the bucket, the secret. ARGV: capacity, tokens per second, now (ms), the secret. Answers
 * 0 when a token was taken, -1 for another secret, else the ms until a token (at least 1).
 */
const take = redisScript(`
if redis.call('GET', KEYS[2]) ~= ARGV[4] then return ${OTHER_SECRET} end
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
`);

/**
 * A client address as it appears in Redis: keyed with the deployment's secret, so the keys
 * do not show addresses. The secret is in the same Redis, so a copy of it (a backup) lets its
 * holder try every IPv4 address against them (docs/security.md). 132 bits, as many as two
 * addresses need never to share a bucket.
 */
export const addressDigest = (secret: string, addressKey: string): string =>
	createHmac('sha256', secret).update(addressKey).digest('base64url').slice(0, 22);

/**
 * The deployment's address secret: the stored one, or `offered` stored by whichever instance
 * comes first (SET NX), so instances that lost it agree on one again.
 */
async function addressSecret(client: RedisClient, offered: string): Promise<string> {
	await client.set(ADDRESS_SECRET_KEY, offered, { condition: 'NX' });
	const stored = await client.get(ADDRESS_SECRET_KEY);
	if (stored === null) throw new Error(`Redis lost ${ADDRESS_SECRET_KEY} as it was made`);
	return stored;
}

/**
 * The buckets in Redis, shared by every instance. Each request is one script call (two when
 * the secret changed). Each instance passes its own clock: one ahead of the others by s
 * seconds refills s seconds' worth early (one room start a minute at the default), one behind
 * refills nothing until it catches up.
 */
export async function openRedisAddressBuckets(client: RedisClient): Promise<AddressBuckets> {
	let secret = await addressSecret(client, randomBytes(32).toString('base64url'));
	return {
		limit(name, rate) {
			const count = (addressKey: string, now: number) =>
				take(
					client,
					[addressLimitKey(name, rate, addressDigest(secret, addressKey)), ADDRESS_SECRET_KEY],
					[String(rate.capacity), String(rate.perSecond), String(now), secret]
				);
			return async (addressKey, now) => {
				let waitMs = await count(addressKey, now);
				if (waitMs === OTHER_SECRET) {
					secret = await addressSecret(client, secret);
					waitMs = await count(addressKey, now);
				}
				if (typeof waitMs !== 'number' || waitMs < 0) {
					throw new Error('unexpected reply from the limit script');
				}
				return waitMs === 0 ? { ok: true } : { ok: false, retryAfterMs: waitMs };
			};
		}
	};
}
