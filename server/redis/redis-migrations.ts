import { z } from 'zod';
import type { Migration } from '../storage/migrations';
import { PLAYBOOK_KEYS } from './keys';

/** A stored version: a non-negative integer, or nothing yet. */
export const storedRedisVersionSchema = z.coerce.number().int().nonnegative();

/**
 * A Redis migration step: one Lua script, run atomically, with the version key as `KEYS[1]` and
 * `keys` after it (`guardedStep` wraps it).
 */
export interface RedisMigration extends Migration {
	keys: readonly string[];
	/** The step's work; it leaves the version key to the wrapper. */
	script: string;
}

/**
 * Version 1: a stored playbook is `{"schemaVersion":1,"playbook":…}` rather than the bare
 * playbook of release 6cdb000 (server/playbooks/stored-playbook.ts). Bodies already in the new
 * form (written by this release) are left alone. Room documents carry their own version
 * (server/rooms/room-doc-version.ts); nothing else in Redis changed.
 */
const VERSION_PLAYBOOK_RECORDS = `
local all = redis.call('HGETALL', KEYS[2])
for i = 1, #all, 2 do
	local body = all[i + 1]
	if string.sub(body, 1, 16) ~= '{"schemaVersion"' then
		redis.call('HSET', KEYS[2], all[i], '{"schemaVersion":1,"playbook":' .. body .. '}')
	end
end
`;

/** Redis's migrations, in order; the last one's version is what this release writes. */
export const REDIS_MIGRATIONS: readonly RedisMigration[] = [
	{
		version: 1,
		name: 'stored playbooks carry a schema version',
		keys: [PLAYBOOK_KEYS.bodies],
		script: VERSION_PLAYBOOK_RECORDS
	}
];

/**
 * Runs a step's script only while the version (`KEYS[1]`) is still the one it starts from
 * (`ARGV[1]`), and moves it to `ARGV[2]` in the same script: two instances starting at once run
 * each step once. Answers 1 when it ran.
 */
export const guardedStep = (step: RedisMigration): string => `
if tonumber(redis.call('GET', KEYS[1]) or '0') ~= tonumber(ARGV[1]) then return 0 end
${step.script}
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;
