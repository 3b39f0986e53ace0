import type { RedisClient } from '../redis/connect';
import type { PlaybookStore } from './playbook-store';
import { encodeStoredPlaybook, parseStoredPlaybook } from './stored-playbook';

/** Hash of stored playbooks by id (`encodeStoredPlaybook`); the Redis migrations rewrite it. */
export const PLAYBOOK_BODIES_KEY = 'pr:playbooks';
const BODIES = PLAYBOOK_BODIES_KEY;
/** Sorted set of ids by creation time, for listing newest first. */
const BY_TIME = 'pr:playbooks:by-time';

export function createRedisPlaybookStore(client: RedisClient): PlaybookStore {
	return {
		async save(playbook, createdAt) {
			const added = await client.hSetNX(BODIES, playbook.id, encodeStoredPlaybook(playbook));
			if (!added) throw new Error(`playbook ${playbook.id} exists already`);
			await client.zAdd(BY_TIME, { score: createdAt, value: playbook.id });
		},
		async get(id) {
			const raw = await client.hGet(BODIES, id);
			return raw === null ? undefined : parseStoredPlaybook(raw);
		},
		async list() {
			const ids = await client.zRange(BY_TIME, 0, -1, { REV: true });
			if (ids.length === 0) return [];
			const bodies = await client.hmGet(BODIES, ids);
			return bodies
				.filter((raw): raw is string => typeof raw === 'string')
				.map(parseStoredPlaybook)
				.filter((playbook) => playbook !== undefined);
		},
		async listDated() {
			const dated = await client.zRangeWithScores(BY_TIME, 0, -1, { REV: true });
			if (dated.length === 0) return [];
			const bodies = await client.hmGet(
				BODIES,
				dated.map((entry) => entry.value)
			);
			return dated.flatMap((entry, i) => {
				const raw = bodies[i];
				const playbook = typeof raw === 'string' ? parseStoredPlaybook(raw) : undefined;
				return playbook ? [{ playbook, createdAt: entry.score }] : [];
			});
		}
	};
}
