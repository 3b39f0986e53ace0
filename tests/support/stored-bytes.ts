import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, RESP_TYPES } from 'redis';

/**
 * Every byte of the embedded database as it is on disk now: the database file and its WAL, as
 * latin1 text, so that ASCII markers can be searched for.
 */
export function sqliteBytes(dataDir: string): string {
	const file = join(dataDir, 'practice-room.sqlite');
	return [file, `${file}-wal`]
		.filter((path) => existsSync(path))
		.map((path) => readFileSync(path).toString('latin1'))
		.join('\n');
}

/** One key of a Redis database and everything it holds, as latin1 text. */
export interface RedisEntry {
	key: string;
	value: string;
}

/**
 * Every key of a Redis database with its whole value (strings, streams, hashes, sets, sorted sets
 * and lists), read with binary replies so that no byte is lost.
 */
export async function redisEntries(url: string): Promise<RedisEntry[]> {
	const client = createClient({ url });
	await client.connect();
	const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
	const text = (value: unknown) =>
		Buffer.isBuffer(value) ? value.toString('latin1') : JSON.stringify(value);
	try {
		const entries: RedisEntry[] = [];
		for await (const keys of client.scanIterator({ COUNT: 1000 })) {
			for (const key of keys) {
				const type = await client.type(key);
				let value: unknown;
				if (type === 'string') value = await binary.get(key);
				else if (type === 'stream') value = await binary.xRange(key, '-', '+');
				else if (type === 'hash') value = await binary.hGetAll(key);
				else if (type === 'set') value = await binary.sMembers(key);
				else if (type === 'zset') value = await binary.zRange(key, 0, -1);
				else if (type === 'list') value = await binary.lRange(key, 0, -1);
				else throw new Error(`key ${key} has a type this reader does not know: ${type}`);
				entries.push({ key, value: deepText(value, text) });
			}
		}
		return entries;
	} finally {
		await client.close();
	}
}

/** Every key of a Redis database and its value, as one latin1 text to search for markers. */
export async function redisText(url: string): Promise<string> {
	return (await redisEntries(url)).map(({ key, value }) => `${key}\n${value}`).join('\n');
}

/** Flattens a reply of buffers, arrays and objects into one text. */
function deepText(value: unknown, text: (leaf: unknown) => string): string {
	if (Array.isArray(value)) return value.map((item) => deepText(item, text)).join('\n');
	if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
		return Object.entries(value)
			.map(([key, item]) => `${key}=${deepText(item, text)}`)
			.join('\n');
	}
	return text(value);
}
