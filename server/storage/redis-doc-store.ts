import { roomMetaSchema, type RoomMeta } from '../../src/lib/protocol/http';
import { binaryView, type RedisClient } from '../redis/connect';
import { FenceLost, roomDocIds, roomOfDoc, type DocStore, type StoredDoc } from './doc-store';
import { redisScript } from './redis-script';

/**
 * A document's keys, under the `{docId}` hash tag. A room's two documents have different tags
 * (`{roomId}`, `{roomId:sealed}`, as stored before rooms expired), and one script refreshes
 * them all: this store needs one Redis server, not a Cluster.
 */
export const docKeys = (docId: string) => ({
	snapshot: `pr:room:{${docId}}:snapshot`,
	/** The log position the snapshot covers: an older snapshot never replaces a newer one. */
	snapshotAt: `pr:room:{${docId}}:snapshot-at`,
	log: `pr:room:{${docId}}:log`
});
/** Held while an instance decides on the room's control state (server/rooms/redis-room-lock.ts). */
export const controlLockKey = (roomId: string) => `pr:room:{${roomId}}:control-lock`;
/** A room's metadata: it exists exactly as long as the room. */
export const metaKey = (roomId: string) => `pr:room:{${roomId}}:meta`;

/** The pub/sub channel on which a document's appends reach the instances following it. */
export const feedChannel = (docId: string) => `pr:room:{${docId}}:feed`;

/** Every key of a room: its metadata and the keys of each of its documents. */
function roomKeys(roomId: string): string[] {
	return [metaKey(roomId), ...roomDocIds(roomId).flatMap((docId) => Object.values(docKeys(docId)))];
}

/**
 * Appends an update to a document's log and publishes it, tagged with the appending instance
 * (`d\n<origin>\n<id>\n<update>`), in one step: the log and the fan-out cannot disagree, and
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

export interface RedisDocStoreOptions {
	/** How long a room's keys live after its last activity, in ms. */
	retentionMs: number;
	/** The instance using this store: its appends are tagged with it (server/fanout). */
	instanceId: string;
	/**
	 * Compaction keeps the log entries of this many ms before the snapshot's position, so that an
	 * instance catching up from a position a little older still finds every entry after it.
	 */
	trimLagMs?: number;
}

/** Update and position of each log entry of an XRANGE answer. */
export function logEntries(
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

/**
 * Rooms in Redis: metadata as JSON, each document as a snapshot plus a stream of updates that
 * is also the fan-out's source (server/fanout/redis-fanout.ts). Every key of a room expires
 * `retentionMs` after the room's last activity, so Redis deletes an unused room by itself and
 * `expiredRooms` has nothing to list.
 */
export function createRedisDocStore(
	client: RedisClient,
	{ retentionMs, instanceId, trimLagMs = 60_000 }: RedisDocStoreOptions
): DocStore {
	const binary = binaryView(client);
	const ttl = String(retentionMs);
	type Transaction = ReturnType<RedisClient['multi']>;
	const refresh = (multi: Transaction, roomId: string): Transaction => {
		for (const key of roomKeys(roomId)) multi.pExpire(key, retentionMs);
		return multi;
	};
	return {
		async createRoom(meta, initialUpdate) {
			// Metadata and first snapshot in one step, so no room exists without its document.
			const [created] = await refresh(
				client
					.multi()
					.set(metaKey(meta.id), JSON.stringify(meta), { condition: 'NX' })
					.set(docKeys(meta.id).snapshot, Buffer.from(initialUpdate), { condition: 'NX' }),
				meta.id
			).exec();
			if (String(created) !== 'OK') throw new Error(`room ${meta.id} exists already`);
		},
		async getRoom(roomId): Promise<RoomMeta | undefined> {
			const raw = await client.get(metaKey(roomId));
			return raw === null ? undefined : roomMetaSchema.parse(JSON.parse(raw));
		},
		async appendUpdate(docId, update, fence) {
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
		async loadDoc(docId): Promise<StoredDoc> {
			const k = docKeys(docId);
			// The log before the snapshot: a compaction in between only makes the snapshot newer,
			// and a newer snapshot holds everything the log it trimmed held.
			const log = logEntries(await binary.xRange(k.log, '-', '+'));
			const snapshot = await binary.get(k.snapshot);
			const updates = log.map((entry) => entry.update);
			if (snapshot) updates.unshift(new Uint8Array(snapshot));
			return { updates, cursor: log.at(-1)?.id };
		},
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
		async touch(roomId) {
			await refresh(client.multi(), roomId).exec();
		},
		async deleteRoom(roomId) {
			// The lock too (it holds no content, but erasing leaves no key of the room).
			await client.del([...roomKeys(roomId), controlLockKey(roomId)]);
		},
		async expiredRooms() {
			return [];
		}
	};
}
