import { z } from 'zod';
import { binaryView, type RedisClient } from '../redis/connect';
import { blobMetaKey, blobsKey, metaKey } from '../redis/keys';
import {
	clampRange,
	type BlobStore,
	type BlobStoreOptions,
	type PutOutcome,
	type StoredBlob
} from './blob-store';
import { redisScript } from './redis-script';

/**
 * Stores a blob only while its room exists and its blobs stay under the cap; the blob keys
 * expire with the room's metadata (the room's appends renew them all, server/redis/keys.ts).
 * KEYS: meta, blobs, blob meta. ARGV: blob id, bytes, meta JSON, max room bytes.
 */
const putScript = redisScript(`
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then return 'no-room' end
local total = string.len(ARGV[2])
for _, id in ipairs(redis.call('HKEYS', KEYS[2])) do
  if id ~= ARGV[1] then total = total + redis.call('HSTRLEN', KEYS[2], id) end
end
if total > tonumber(ARGV[4]) then return 'full' end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[3], ttl)
end
return 'stored'
`);

const putOutcomeSchema = z.enum(['stored', 'no-room', 'full']);
const blobMetaSchema = z.object({ type: z.string(), owner: z.string() });

/**
 * Blobs in Redis, in two hashes beside the room's keys (`pr:room:{id}:blobs`, `…:blob-meta`),
 * so that erasing the room deletes them with its other keys and Redis expires them with it. A
 * range is cut from the whole blob: at most a clip's size (B3) crosses the network per request.
 */
export function createRedisBlobStore(
	client: RedisClient,
	{ maxRoomBytes }: BlobStoreOptions
): BlobStore {
	const binary = binaryView(client);
	return {
		async put(roomId, blobId, { type, owner, bytes }): Promise<PutOutcome> {
			const outcome = await putScript(
				client,
				[metaKey(roomId), blobsKey(roomId), blobMetaKey(roomId)],
				[blobId, Buffer.from(bytes), JSON.stringify({ type, owner }), String(maxRoomBytes)]
			);
			return putOutcomeSchema.parse(outcome);
		},
		async get(roomId, blobId, pick): Promise<StoredBlob | undefined> {
			const [data, meta] = await Promise.all([
				binary.hGet(blobsKey(roomId), blobId),
				client.hGet(blobMetaKey(roomId), blobId)
			]);
			if (!data || meta === null || meta === undefined) return undefined;
			const { type, owner } = blobMetaSchema.parse(JSON.parse(meta));
			const size = data.length;
			const range = clampRange(pick?.(size) ?? { start: 0, end: size }, size);
			return {
				type,
				owner,
				size,
				range,
				bytes: new Uint8Array(data.subarray(range.start, range.end))
			};
		},
		async delete(roomId, blobId) {
			const [deleted] = await client
				.multi()
				.hDel(blobsKey(roomId), blobId)
				.hDel(blobMetaKey(roomId), blobId)
				.exec();
			return Number(deleted) > 0;
		}
	};
}
