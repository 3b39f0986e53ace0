import { createClient } from 'redis';

/** Redis's own counters at one moment (`INFO commandstats stats cpu`). */
export interface RedisCounters {
	/** Calls by lower-case command name, those run inside scripts included. */
	ran: Record<string, number>;
	bytesIn: number;
	bytesOut: number;
	/** CPU time Redis has used, user and system, in µs. */
	cpuMicros: number;
	/** Bytes of the answer that read these counters: counted in the next reading's `bytesOut`. */
	answerBytes: number;
}

/** What the servers made Redis do per typed update over a stretch of traffic. */
export interface RedisPerUpdate {
	/** Commands Redis ran, those inside scripts included (`INFO commandstats`). */
	commands: number;
	ranByName: Record<string, number>;
	/** Commands the servers sent: their round trips to Redis (counted on their connections). */
	sent: number;
	sentByName: Record<string, number>;
	/** Bytes Redis read (`total_net_input_bytes`) and wrote (`total_net_output_bytes`). */
	bytesIn: number;
	bytesOut: number;
	/** Redis's CPU time (user and system), in µs: Redis shares the machine's two cores. */
	cpuMicros: number;
}

/** Commands the harness itself sends to read the counters, left out of what Redis ran. */
const HARNESS_COMMANDS = new Set(['info', 'hello', 'client']);

/** Reads the `INFO` sections commandstats, stats and cpu (all may be in one text). */
export function parseRedisInfo(info: string): RedisCounters {
	const ran: Record<string, number> = {};
	for (const [, name, calls] of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
		if (name && !HARNESS_COMMANDS.has(name)) ran[name] = Number(calls);
	}
	const number = (key: string) =>
		Number(new RegExp(`^${key}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
	return {
		ran,
		bytesIn: number('total_net_input_bytes'),
		bytesOut: number('total_net_output_bytes'),
		cpuMicros: (number('used_cpu_user') + number('used_cpu_sys')) * 1e6,
		answerBytes: Buffer.byteLength(info)
	};
}

export async function readRedisCounters(url: string): Promise<RedisCounters> {
	const client = createClient({ url });
	await client.connect();
	try {
		return parseRedisInfo(
			String(await client.sendCommand(['INFO', 'commandstats', 'stats', 'cpu']))
		);
	} finally {
		await client.close();
	}
}

/** `after − before` per name, through `per`; names that did not move are left out. */
function perName(
	before: Record<string, number>,
	after: Record<string, number>,
	per: (count: number) => number
): Record<string, number> {
	return Object.fromEntries(
		Object.entries(after)
			.map(([name, count]) => [name, count - (before[name] ?? 0)] as const)
			.filter(([, count]) => count > 0)
			.sort(([, a], [, b]) => b - a)
			.map(([name, count]) => [name, per(count)])
	);
}

const total = (byName: Record<string, number>) =>
	Object.values(byName).reduce((sum, n) => sum + n, 0);

/**
 * Redis figures per typed update between two readings: what Redis ran and what the servers
 * sent (`sent*`: counts from the server processes, by name), and the bytes, less the answer
 * that read the first counters. Everything the servers do in Redis meanwhile counts (awareness,
 * script lines), divided by the typed updates, the workload's unit.
 */
export function redisPerUpdate(
	before: { redis: RedisCounters; sent: Record<string, number> },
	after: { redis: RedisCounters; sent: Record<string, number> },
	updates: number
): RedisPerUpdate {
	const per = (count: number) => (updates > 0 ? count / updates : Number.NaN);
	const ranByName = perName(before.redis.ran, after.redis.ran, per);
	const sentByName = perName(before.sent, after.sent, per);
	return {
		commands: total(ranByName),
		ranByName,
		sent: total(sentByName),
		sentByName,
		bytesIn: per(after.redis.bytesIn - before.redis.bytesIn),
		bytesOut: per(after.redis.bytesOut - before.redis.bytesOut - before.redis.answerBytes),
		cpuMicros: per(after.redis.cpuMicros - before.redis.cpuMicros)
	};
}
