import { log } from '../log';
import { latestVersion, planMigrations, StoredDataTooNewError } from '../storage/migrations';
import type { RedisClient } from './connect';
import { REDIS_VERSION_KEY } from './keys';
import {
	guardedStep,
	REDIS_MIGRATIONS,
	storedRedisVersionSchema,
	type RedisMigration
} from './redis-migrations';

/** The schema version Redis holds now (0 when never set). */
async function storedVersion(client: RedisClient, what: string): Promise<number> {
	const raw = await client.get(REDIS_VERSION_KEY);
	const parsed = storedRedisVersionSchema.safeParse(raw ?? 0);
	if (!parsed.success) throw new Error(`${what}: ${REDIS_VERSION_KEY} is not a version number`);
	return parsed.data;
}

/**
 * Brings what Redis holds to the latest schema version, each step atomically (one script that
 * also moves the version key). Throws `StoredDataTooNewError` on data written by a newer release,
 * without changing it.
 */
export async function migrateRedis(
	client: RedisClient,
	what: string,
	migrations: readonly RedisMigration[] = REDIS_MIGRATIONS
): Promise<void> {
	const stored = await storedVersion(client, what);
	const plan = planMigrations(stored, migrations);
	switch (plan.kind) {
		case 'current':
			return;
		case 'too-new':
			throw new StoredDataTooNewError(what, stored, latestVersion(migrations));
		case 'upgrade':
			for (const step of plan.steps) {
				await client.eval(guardedStep(step), {
					keys: [REDIS_VERSION_KEY, ...step.keys],
					arguments: [String(step.version - 1), String(step.version)]
				});
			}
			// Another instance may have run some of the steps: what counts is where Redis is now.
			log.redis.info(
				{ from: stored, to: await storedVersion(client, what) },
				'the Redis data was migrated'
			);
	}
}
