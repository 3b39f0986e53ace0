import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import webpush from 'web-push';
import { fileVapidKeys, redisVapidKeys, VAPID_KEYS_FILE } from '../../server/push/vapid-keys';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { VAPID_KEYS_KEY } from '../../server/redis/keys';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'vapid-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

test('[W8] the key pair is made at first start in DATA_DIR, readable by its owner alone, and kept', async () => {
	const dir = join(tempDir(), 'not-yet-made');
	const made = await fileVapidKeys(dir);
	expect(made.publicKey).toMatch(/^B[A-Za-z0-9_-]{86}$/);
	const path = join(dir, VAPID_KEYS_FILE);
	expect(statSync(path).mode & 0o777).toBe(0o600);
	expect(await fileVapidKeys(dir)).toEqual(made);
	expect(readdirSync(dir)).toEqual([VAPID_KEYS_FILE]);
});

test('[W8] processes starting at once on one DATA_DIR all use the one pair written', async () => {
	const dir = tempDir();
	const pairs = await Promise.all(Array.from({ length: 5 }, () => fileVapidKeys(dir)));
	expect(new Set(pairs.map((pair) => pair.privateKey)).size).toBe(1);
});

test('[W8] a key file readable by others is narrowed to its owner', async () => {
	const dir = tempDir();
	const made = await fileVapidKeys(dir);
	chmodSync(join(dir, VAPID_KEYS_FILE), 0o644);
	expect(await fileVapidKeys(dir)).toEqual(made);
	expect(statSync(join(dir, VAPID_KEYS_FILE)).mode & 0o777).toBe(0o600);
});

test('[W8] with Redis, instances starting at once share the one pair the first one stored', async () => {
	await client.del(VAPID_KEYS_KEY);
	let made = 0;
	const generate = () => {
		made++;
		return webpush.generateVAPIDKeys();
	};
	const pairs = await Promise.all(
		Array.from({ length: 4 }, () => redisVapidKeys(client, generate))
	);
	expect(made).toBe(4);
	expect(new Set(pairs.map((pair) => pair.privateKey)).size).toBe(1);
	expect(await redisVapidKeys(client)).toEqual(pairs[0]);
});

test('a stored value that is no key pair stops the start with a clear error', async () => {
	await client.set(VAPID_KEYS_KEY, '{"publicKey":"nope"}');
	await expect(redisVapidKeys(client)).rejects.toThrow(/does not hold a VAPID key pair/);
	await client.del(VAPID_KEYS_KEY);
});

test('a key file cut short (a half-restored backup) stops the start with the same clear error', async () => {
	const dir = tempDir();
	writeFileSync(join(dir, VAPID_KEYS_FILE), '{"publicKey":"B', { mode: 0o600 });
	await expect(fileVapidKeys(dir)).rejects.toThrow(/does not hold a VAPID key pair/);
});
