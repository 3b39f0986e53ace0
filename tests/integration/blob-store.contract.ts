import { describe, expect, test } from 'vitest';
import type { BlobStore } from '../../server/storage/blob-store';
import type { RoomStore } from '../../server/storage/room-store';
import type { RoomMeta } from '../../src/lib/protocol/http';
import { freshStore, type Opened } from './fresh-store';

/** A backend's blob store and its room store (a blob needs its room). */
export interface BlobBackend {
	blobs: BlobStore;
	rooms: RoomStore;
	/** Every byte the backend holds now, as latin1 text, to look for a blob's bytes. */
	storedText(): Promise<string>;
}

/** What the suite's stores are opened with: small enough to fill in a test. */
export const CONTRACT_MAX_ROOM_BYTES = 1000;

let counter = 0;
const newRoom = async (rooms: RoomStore): Promise<string> => {
	const meta: RoomMeta = {
		id: `blobroom${String(++counter).padStart(14, '0')}`,
		playbookId: 'active-listening-sprint',
		createdAt: 1_700_000_000_000
	};
	await rooms.createRoom(meta, Uint8Array.of(0, 0));
	return meta.id;
};

const bytesOf = (text: string) => new TextEncoder().encode(text);
const blob = (text: string, owner = 'owner-one') => ({
	type: 'audio/ogg',
	owner,
	bytes: bytesOf(text)
});
const textOf = (bytes: Uint8Array | undefined) =>
	bytes === undefined ? undefined : new TextDecoder().decode(bytes);
/** The size of the blob stored under `blobId`, or undefined when there is none. */
const sizeOf = async (blobs: BlobStore, roomId: string, blobId: string) =>
	(await blobs.get(roomId, blobId))?.size;

/** The rules every BlobStore keeps (server/storage/blob-store.ts), run against one backend. */
export function blobStoreContract(name: string, open: () => Promise<Opened<BlobBackend>>): void {
	describe(`BlobStore contract: ${name}`, () => {
		const backend = freshStore(open);

		test('a stored blob reads back whole, with its type and owner', async () => {
			const { blobs, rooms } = backend();
			const roomId = await newRoom(rooms);
			expect(await blobs.put(roomId, 'clip-a', blob('hello clip'))).toBe('stored');
			expect(await blobs.get(roomId, 'clip-a')).toEqual({
				type: 'audio/ogg',
				owner: 'owner-one',
				size: 10,
				range: { start: 0, end: 10 },
				bytes: bytesOf('hello clip')
			});
		});

		test('a range reads only its bytes, cut at the end of the blob', async () => {
			const { blobs, rooms } = backend();
			const roomId = await newRoom(rooms);
			await blobs.put(roomId, 'clip-a', blob('0123456789'));
			const part = await blobs.get(roomId, 'clip-a', () => ({ start: 2, end: 5 }));
			expect(textOf(part?.bytes)).toBe('234');
			expect(part?.range).toEqual({ start: 2, end: 5 });
			const picked: number[] = [];
			const tail = await blobs.get(roomId, 'clip-a', (size) => {
				picked.push(size);
				return { start: size - 3, end: size + 100 };
			});
			expect(picked).toEqual([10]);
			expect(textOf(tail?.bytes)).toBe('789');
			expect(tail?.range).toEqual({ start: 7, end: 10 });
			const none = await blobs.get(roomId, 'clip-a', () => ({ start: 20, end: 30 }));
			expect(none?.bytes.length).toBe(0);
			expect(none?.size).toBe(10);
		});

		test('binary bytes come back exactly, every byte value included', async () => {
			const { blobs, rooms } = backend();
			const roomId = await newRoom(rooms);
			const bytes = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
			await blobs.put(roomId, 'clip-a', { type: 'audio/webm', owner: 'o-1', bytes });
			expect((await blobs.get(roomId, 'clip-a'))?.bytes).toEqual(bytes);
		});

		test('a blob for a room that does not exist is not stored', async () => {
			const { blobs } = backend();
			expect(await blobs.put('no-such-room-000000000', 'clip-a', blob('x'))).toBe('no-room');
			expect(await blobs.get('no-such-room-000000000', 'clip-a')).toBeUndefined();
		});

		test('an absent blob reads as undefined and deletes as false', async () => {
			const { blobs, rooms } = backend();
			const roomId = await newRoom(rooms);
			expect(await blobs.get(roomId, 'nothing')).toBeUndefined();
			expect(await blobs.delete(roomId, 'nothing')).toBe(false);
		});

		test('each room keeps its own blobs, under ids another room may use too', async () => {
			const { blobs, rooms } = backend();
			const [one, two] = [await newRoom(rooms), await newRoom(rooms)];
			await blobs.put(one, 'clip-a', blob('aaaa'));
			await blobs.put(one, 'clip-b', blob('bb'));
			await blobs.put(two, 'clip-a', blob('c'));
			expect(await sizeOf(blobs, one, 'clip-a')).toBe(4);
			expect(await sizeOf(blobs, one, 'clip-b')).toBe(2);
			expect(await sizeOf(blobs, two, 'clip-a')).toBe(1);
			expect(await sizeOf(blobs, two, 'clip-b')).toBeUndefined();
		});

		test('a put under a stored id replaces that blob', async () => {
			const { blobs, rooms } = backend();
			const roomId = await newRoom(rooms);
			await blobs.put(roomId, 'clip-a', blob('first take'));
			await blobs.put(roomId, 'clip-a', blob('second', 'owner-two'));
			const stored = await blobs.get(roomId, 'clip-a');
			expect(textOf(stored?.bytes)).toBe('second');
			expect(stored?.owner).toBe('owner-two');
		});

		test('a room full of blobs takes no more, and stores nothing of the refused one', async () => {
			const { blobs, rooms } = backend();
			const roomId = await newRoom(rooms);
			const half = 'x'.repeat(CONTRACT_MAX_ROOM_BYTES / 2);
			expect(await blobs.put(roomId, 'clip-a', blob(half))).toBe('stored');
			expect(await blobs.put(roomId, 'clip-b', blob(half))).toBe('stored');
			expect(await blobs.put(roomId, 'clip-c', blob('y'))).toBe('full');
			expect(await sizeOf(blobs, roomId, 'clip-c')).toBeUndefined();
			expect(await sizeOf(blobs, roomId, 'clip-b')).toBe(500);
			// Replacing a blob counts its new size instead of its old one.
			expect(await blobs.put(roomId, 'clip-b', blob('short'))).toBe('stored');
		});

		test('deleting a blob removes its bytes and leaves the others', async () => {
			const { blobs, rooms, storedText } = backend();
			const roomId = await newRoom(rooms);
			await blobs.put(roomId, 'clip-a', blob('MARKER-DELETED-ONE'));
			await blobs.put(roomId, 'clip-b', blob('MARKER-KEPT-ONE'));
			expect(await blobs.delete(roomId, 'clip-a')).toBe(true);
			expect(await blobs.get(roomId, 'clip-a')).toBeUndefined();
			expect(await sizeOf(blobs, roomId, 'clip-b')).toBe(15);
			const text = await storedText();
			expect(text).not.toContain('MARKER-DELETED-ONE');
			expect(text).toContain('MARKER-KEPT-ONE');
		});

		test('deleting a room deletes its blobs, none of their bytes left, and not other rooms’ blobs', async () => {
			const { blobs, rooms, storedText } = backend();
			const [gone, kept] = [await newRoom(rooms), await newRoom(rooms)];
			await blobs.put(gone, 'clip-a', blob('MARKER-ROOM-GONE-A'));
			await blobs.put(gone, 'clip-b', blob('MARKER-ROOM-GONE-B'));
			await blobs.put(kept, 'clip-a', blob('MARKER-ROOM-KEPT'));
			await rooms.deleteRoom(gone);
			expect(await blobs.get(gone, 'clip-a')).toBeUndefined();
			expect(await blobs.get(gone, 'clip-b')).toBeUndefined();
			expect(await sizeOf(blobs, kept, 'clip-a')).toBe('MARKER-ROOM-KEPT'.length);
			const text = await storedText();
			expect(text).not.toContain('MARKER-ROOM-GONE');
			expect(text).toContain('MARKER-ROOM-KEPT');
			await rooms.deleteRoom(gone);
		});

		test('once the room is deleted, a late put stores nothing', async () => {
			const { blobs, rooms, storedText } = backend();
			const roomId = await newRoom(rooms);
			await rooms.deleteRoom(roomId);
			expect(await blobs.put(roomId, 'clip-a', blob('MARKER-TOO-LATE'))).toBe('no-room');
			expect(await storedText()).not.toContain('MARKER-TOO-LATE');
		});
	});
}
