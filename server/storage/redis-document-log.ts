import { redisLogFollower, type ReadLog } from '../fanout/redis-log-follower';
import { binaryView, type RedisClient } from '../redis/connect';
import { controlLockKey, docKeys, feedChannel, metaKey, roomKeys } from '../redis/keys';
import type { RedisSubscriber } from '../redis/subscriber';
import { FenceLost, roomOfDoc, type DocumentLog, type StoredDoc } from './document-log';
import { redisScript } from './redis-script';

/**
 * Appends an update to a document's log and publishes it, tagged with the appending instance
 * (`d\n<origin>\n<id>\n<update>`), in one step: the log and what subscribers hear cannot disagree, and
 * an update is one round trip to Redis. Nothing is written once the room is gone (erased or
 * expired), so an instance that has not heard of an erase yet cannot bring the room back, nor
 * with a fence token that no longer holds the room's control lock (answers 0).
 * KEYS: meta, log, control lock, every key of the room (each gets a fresh TTL: the append is
 * activity). ARGV: update, origin, channel, TTL in ms, fence token or ''.
 */
const appendScript = redisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if ARGV[5] ~= '' and redis.call('GET', KEYS[3]) ~= ARGV[5] then return 0 end
local id = redis.call('XADD', KEYS[2], '*', 'u', ARGV[1], 'o', ARGV[2])
redis.call('PUBLISH', ARGV[3], 'd\\n' .. ARGV[2] .. '\\n' .. id .. '\\n' .. ARGV[1])
for i = 4, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return id
`);

/**
 * Replaces the snapshot unless a newer one is there, and trims the log before `minid`; only
 * while the room exists. One script: two instances compacting at once write one after the
 * other, and the later one cannot take the snapshot back in time.
 * KEYS: meta, snapshot, snapshotAt, log, every key of the room (a fresh TTL).
 * ARGV: snapshot, cursor, minid or '', TTL.
 */
const compactScript = redisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local function parts(id)
	local ms, seq = string.match(id, '^(%d+)-(%d+)$')
	if not ms then return 0, 0 end
	return tonumber(ms), tonumber(seq)
end
local current = redis.call('GET', KEYS[3])
if current then
	local cm, cs = parts(current)
	local nm, ns = parts(ARGV[2])
	if cm > nm or (cm == nm and cs > ns) then return 0 end
end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[4])
redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[4])
if ARGV[3] ~= '' then redis.call('XTRIM', KEYS[4], 'MINID', ARGV[3]) end
for i = 5, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return 1
`);

export interface RedisDocumentLogOptions {
	/** How long a room's keys live after its last activity, in ms. */
	retentionMs: number;
	/** The instance using this log: its appends are tagged with it. */
	instanceId: string;
	/**
	 * Compaction keeps the log entries of this many ms before the snapshot's position, so that an
	 * instance catching up from a position a little older still finds every entry after it.
	 */
	trimLagMs?: number;
}

/** Update, origin and position of each log entry of an XRANGE answer. */
function logEntries(
	entries: { id: unknown; message: Record<string, Buffer | undefined> }[] | null | undefined
): { update: Uint8Array; origin: string; id: string }[] {
	return (entries ?? []).flatMap(({ id, message }) =>
		message.u
			? [{ update: new Uint8Array(message.u), origin: String(message.o ?? ''), id: String(id) }]
			: []
	);
}

/**
 * Where compaction trims the log: right after `cursor`, or `lagMs` before it; '' when nothing
 * is that old.
 */
function trimPoint(cursor: string, lagMs: number): string {
	const [ms = '0', seq = '0'] = cursor.split('-');
	if (lagMs === 0) return `${ms}-${BigInt(seq) + 1n}`;
	const before = Number(ms) - lagMs;
	return before > 0 ? `${before}-0` : '';
}

/** {@link ReadLog} on the document's Redis stream (`XRANGE`). */
export function redisLogReader(client: RedisClient): ReadLog {
	const binary = binaryView(client);
	return async (docId, after) => {
		const entries = logEntries(
			await binary.xRange(docKeys(docId).log, after === undefined ? '-' : `(${after}`, '+')
		);
		return { entries, cursor: entries.at(-1)?.id };
	};
}

/**
 * Room documents in Redis, in the rooms of ./redis-room-store.ts: each a snapshot plus a stream
 * of updates, which is also what the other instances follow (server/fanout/redis-log-follower.ts,
 * on `subscriber`). Each append and compaction is activity: it renews the TTL of every key of
 * the room.
 */
export function createRedisDocumentLog(
	client: RedisClient,
	subscriber: RedisSubscriber,
	{ retentionMs, instanceId, trimLagMs = 60_000 }: RedisDocumentLogOptions
): DocumentLog {
	const binary = binaryView(client);
	const ttl = String(retentionMs);
	const readLog = redisLogReader(client);
	const load = async (docId: string): Promise<StoredDoc> => {
		const k = docKeys(docId);
		// The log before the snapshot: a compaction in between only makes the snapshot newer,
		// and a newer snapshot holds everything the log it trimmed held.
		const log = await readLog(docId, undefined);
		const snapshot = await binary.get(k.snapshot);
		const updates = log.entries.map((entry) => entry.update);
		if (snapshot) updates.unshift(new Uint8Array(snapshot));
		return { updates, cursor: log.cursor };
	};
	const follower = redisLogFollower(subscriber, { readLog, load });
	return {
		instanceId,
		async append(docId, update, fence) {
			const roomId = roomOfDoc(docId);
			const keys = [metaKey(roomId), docKeys(docId).log, controlLockKey(roomId)];
			const id = await appendScript(
				client,
				[...keys, ...roomKeys(roomId)],
				[Buffer.from(update), instanceId, feedChannel(docId), ttl, fence ?? '']
			);
			if (id === 0) throw new FenceLost(docId);
			return id === null || id === undefined ? undefined : String(id);
		},
		load,
		subscribe: follower.subscribe,
		async compact(docId, snapshot, cursor) {
			const k = docKeys(docId);
			const written = await compactScript(
				client,
				[metaKey(roomOfDoc(docId)), k.snapshot, k.snapshotAt, k.log, ...roomKeys(roomOfDoc(docId))],
				[Buffer.from(snapshot), cursor, cursor === '0' ? '' : trimPoint(cursor, trimLagMs), ttl]
			);
			return written === 1;
		},
		async lastPosition(docId) {
			const last = (await client.xRevRange(docKeys(docId).log, '+', '-', { COUNT: 1 }))?.[0];
			return last === undefined ? undefined : String(last.id);
		},
		async close() {
			follower.close();
		}
	};
}
