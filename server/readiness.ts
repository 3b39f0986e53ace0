import type { DatabaseSync } from 'node:sqlite';
import type { RedisClient } from './redis/connect';

/** Asks a backend something small: resolves when it answers, rejects or hangs when it does not. */
export type Probe = () => Promise<unknown>;

export type CheckResult = 'ok' | 'unreachable';

/** What `/readyz` answers: ready when every backend answered. */
export interface Readiness {
	ready: boolean;
	checks: Record<string, CheckResult>;
}

/** How long a backend may take to answer before it counts as unreachable. */
export const PROBE_TIMEOUT_MS = 2_000;

async function answers(probe: Probe, timeoutMs: number): Promise<boolean> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timedOut = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), timeoutMs);
	});
	try {
		return await Promise.race([probe().then(() => true), timedOut]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}

/** Runs every probe at once; each gets `timeoutMs` to answer. */
export async function checkReadiness(
	probes: Record<string, Probe>,
	timeoutMs = PROBE_TIMEOUT_MS
): Promise<Readiness> {
	const results = await Promise.all(
		Object.entries(probes).map(async ([name, probe]): Promise<[string, CheckResult]> => [
			name,
			(await answers(probe, timeoutMs)) ? 'ok' : 'unreachable'
		])
	);
	return {
		ready: results.every(([, result]) => result === 'ok'),
		checks: Object.fromEntries(results)
	};
}

/** The embedded store answers when its rooms table can be read. */
export function sqliteProbe(db: DatabaseSync): Probe {
	const query = db.prepare('SELECT 1 FROM rooms LIMIT 1');
	return async () => query.get();
}

/**
 * Redis answers when it is connected and answers PING. Commands sent while it is disconnected
 * wait for the reconnection, so a disconnected client is unreachable at once.
 */
export function redisProbe(client: RedisClient): Probe {
	return async () => {
		if (!client.isReady) throw new Error('Redis is not connected');
		await client.ping();
	};
}
