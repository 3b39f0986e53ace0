import type { PlaybookSummary } from '../../src/lib/protocol/playbook';
import type { RedisClient } from '../redis/connect';
import { PLAYBOOK_KEYS } from '../redis/keys';
import { redisScript } from '../storage/redis-script';
import type { DatedSummary, PlaybookStore, SaveOutcome } from './playbook-store';
import {
	encodeStoredPlaybook,
	parseStoredPlaybook,
	storedSummaryOf,
	summaryFromBody,
	summaryReader
} from './stored-playbook';

const { bodies: BODIES, byTime: BY_TIME, summaries: SUMMARIES, hidden: HIDDEN } = PLAYBOOK_KEYS;
const TOKENS = PLAYBOOK_KEYS.deleteTokens;

const SAVE_OUTCOMES: readonly (SaveOutcome | 'taken')[] = ['saved', 'full', 'taken'];

/**
 * KEYS: bodies, by-time, summaries, tokens. ARGV: id, body, created at, summary, token hash,
 * most stored. One step, so two saves at once cannot both take the last place.
 */
const SAVE = redisScript(`
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[6]) then return 'full' end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 'taken' end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[5])
return 'saved'
`);

/** KEYS: bodies, the set it leaves, the set it joins. ARGV: id. Moves an id between the sets. */
const MOVE = redisScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if score then
	redis.call('ZREM', KEYS[2], ARGV[1])
	redis.call('ZADD', KEYS[3], score, ARGV[1])
end
return 1
`);

/** Community playbooks in Redis: one hash per field (body, summary, token) and two sorted sets. */
export function createRedisPlaybookStore(client: RedisClient): PlaybookStore {
	const readSummary = summaryReader();
	const isHidden = async (id: string) => (await client.zScore(HIDDEN, id)) !== null;

	/** Summaries of playbooks stored before summaries were: read from their bodies, then kept. */
	async function backfill(ids: string[]): Promise<Map<string, PlaybookSummary>> {
		const found = new Map<string, PlaybookSummary>();
		if (ids.length === 0) return found;
		const bodies = await client.hmGet(BODIES, ids);
		for (const [index, raw] of bodies.entries()) {
			const id = ids[index];
			const fromBody = typeof raw === 'string' ? summaryFromBody(raw) : undefined;
			if (id === undefined || !fromBody) continue;
			found.set(id, fromBody.summary);
			await client.hSet(SUMMARIES, id, fromBody.json);
		}
		return found;
	}

	/** The summaries of listed playbooks with their saving times, in their order. */
	async function datedOf(listed: { id: string; createdAt: number }[]): Promise<DatedSummary[]> {
		const times = new Map(listed.map((entry) => [entry.id, entry.createdAt]));
		const summaries = await summariesOf(listed.map((entry) => entry.id));
		return summaries.map((summary) => ({ summary, createdAt: times.get(summary.id) ?? 0 }));
	}

	/** The summaries of `ids`, in their order; a missing or unreadable one read from its body. */
	async function summariesOf(ids: string[]): Promise<PlaybookSummary[]> {
		if (ids.length === 0) return [];
		const stored = await client.hmGet(SUMMARIES, ids);
		const read = ids.map((id, index) => {
			const raw = stored[index];
			return typeof raw === 'string' ? readSummary(id, raw) : undefined;
		});
		// None stored yet, or one that no longer parses: a summary is derived, so read it
		// again from the body (docs/operations.md, Upgrades).
		const backfilled = await backfill(ids.filter((_id, index) => read[index] === undefined));
		return ids
			.map((id, index) => read[index] ?? backfilled.get(id))
			.filter((summary) => summary !== undefined);
	}

	return {
		async save({ playbook, createdAt, deleteTokenHash }, maxStored) {
			const reply = await SAVE(
				client,
				[BODIES, BY_TIME, SUMMARIES, TOKENS],
				[
					playbook.id,
					encodeStoredPlaybook(playbook),
					String(createdAt),
					storedSummaryOf(playbook),
					deleteTokenHash,
					String(maxStored)
				]
			);
			const outcome = SAVE_OUTCOMES.find((known) => known === reply);
			if (!outcome) throw new Error('unexpected reply from the playbook save script');
			if (outcome === 'taken') throw new Error(`playbook ${playbook.id} exists already`);
			return outcome;
		},
		async get(id) {
			const [raw, hidden] = await Promise.all([client.hGet(BODIES, id), isHidden(id)]);
			return raw === null || hidden ? undefined : parseStoredPlaybook(raw);
		},
		async summaries(offset, limit) {
			const ids = await client.zRange(BY_TIME, offset, offset + limit - 1, { REV: true });
			return summariesOf(ids);
		},
		async listDated(limit) {
			if (limit <= 0) return [];
			const dated = await client.zRangeWithScores(BY_TIME, 0, limit - 1, { REV: true });
			return datedOf(dated.map((entry) => ({ id: entry.value, createdAt: entry.score })));
		},
		async datedOf(ids) {
			if (ids.length === 0) return [];
			const scores = await client.zmScore(BY_TIME, [...ids]);
			const listed = ids.flatMap((id, index) => {
				const createdAt = scores[index];
				return typeof createdAt === 'number' ? [{ id, createdAt }] : [];
			});
			return datedOf(listed.sort((a, b) => b.createdAt - a.createdAt));
		},
		async count() {
			return client.zCard(BY_TIME);
		},
		async hiddenCount() {
			return client.zCard(HIDDEN);
		},
		async hiddenIds() {
			return client.zRange(HIDDEN, 0, -1, { REV: true });
		},
		async deleteTokenHash(id) {
			const [hash, hidden] = await Promise.all([client.hGet(TOKENS, id), isHidden(id)]);
			return hash === null || hidden ? undefined : hash;
		},
		async delete(id) {
			const [deleted] = await client
				.multi()
				.hDel(BODIES, id)
				.zRem(BY_TIME, id)
				.zRem(HIDDEN, id)
				.hDel(SUMMARIES, id)
				.hDel(TOKENS, id)
				.exec();
			return Number(deleted) === 1;
		},
		async setHidden(id, hidden) {
			const [from, to] = hidden ? [BY_TIME, HIDDEN] : [HIDDEN, BY_TIME];
			return (await MOVE(client, [BODIES, from, to], [id])) === 1;
		}
	};
}
