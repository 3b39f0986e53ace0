import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { freshStore, type Opened } from './fresh-store';
import { sealedDocId, type DocStore } from '../../server/storage/doc-store';
import type { RoomMeta } from '../../src/lib/protocol/http';

let counter = 0;
const meta = (): RoomMeta => ({
	id: `room${String(++counter).padStart(18, '0')}`,
	playbookId: 'active-listening-sprint',
	createdAt: 1_700_000_000_000
});

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
	let captured: Uint8Array | undefined;
	const capture = (update: Uint8Array) => (captured = update);
	doc.on('update', capture);
	doc.getText('notes').insert(doc.getText('notes').length, text);
	doc.off('update', capture);
	return captured!;
}

/** The position an append answered; a store that answers none for a live room fails here. */
async function positionOf(append: Promise<string | undefined>): Promise<string> {
	const cursor = await append;
	if (cursor === undefined) throw new Error('the append was not stored');
	return cursor;
}

function rebuild(updates: Uint8Array[]): string {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc.getText('notes').toString();
}

/** The behaviour every DocStore must have (SQLite and Redis run this same suite). */
export function docStoreContract(name: string, open: () => Promise<Opened<DocStore>>): void {
	describe(`DocStore contract: ${name}`, () => {
		const store = freshStore(() => open());

		test('a created room is found with its metadata; an unknown one is not', async () => {
			const room = meta();
			await store().createRoom(room, textUpdate(new Y.Doc(), 'init'));
			expect(await store().getRoom(room.id)).toEqual(room);
			expect(await store().getRoom('AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
		});

		test('creating a room twice fails and keeps the first', async () => {
			const room = meta();
			await store().createRoom(room, textUpdate(new Y.Doc(), 'first'));
			await expect(
				store().createRoom({ ...room, playbookId: 'other' }, new Uint8Array())
			).rejects.toThrow();
			expect((await store().getRoom(room.id))?.playbookId).toBe('active-listening-sprint');
		});

		test('the document is the initial update followed by every appended update, in order', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await store().createRoom(room, textUpdate(doc, 'a'));
			for (const part of ['b', 'c', 'd'])
				await store().appendUpdate(room.id, textUpdate(doc, part));
			const stored = await store().loadDoc(room.id);
			expect(stored.updates).toHaveLength(4);
			expect(rebuild(stored.updates)).toBe('abcd');
			expect(stored.cursor).toBeDefined();
		});

		test('compaction replaces the log up to the cursor and keeps what came after', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await store().createRoom(room, textUpdate(doc, 'a'));
			await store().appendUpdate(room.id, textUpdate(doc, 'b'));
			const cursor = await positionOf(store().appendUpdate(room.id, textUpdate(doc, 'c')));
			const snapshot = Y.encodeStateAsUpdate(doc);
			await store().appendUpdate(room.id, textUpdate(doc, 'd'));
			await store().compact(room.id, snapshot, cursor);
			const stored = await store().loadDoc(room.id);
			expect(stored.updates).toHaveLength(2);
			expect(rebuild(stored.updates)).toBe('abcd');
		});

		test('rooms do not see each other’s updates', async () => {
			const first = meta();
			const second = meta();
			await store().createRoom(first, textUpdate(new Y.Doc(), 'one'));
			await store().createRoom(second, textUpdate(new Y.Doc(), 'two'));
			expect(rebuild((await store().loadDoc(first.id)).updates)).toBe('one');
			expect(rebuild((await store().loadDoc(second.id)).updates)).toBe('two');
		});

		test('deleting a room removes its metadata, its document and its sealed document only', async () => {
			const erased = meta();
			const kept = meta();
			for (const room of [erased, kept]) {
				const doc = new Y.Doc();
				await store().createRoom(room, textUpdate(doc, 'a'));
				const cursor = await positionOf(store().appendUpdate(room.id, textUpdate(doc, 'b')));
				await store().compact(room.id, Y.encodeStateAsUpdate(doc), cursor);
				await store().appendUpdate(room.id, textUpdate(doc, 'c'));
				await store().appendUpdate(sealedDocId(room.id), textUpdate(new Y.Doc(), 'sealed'));
			}
			await store().deleteRoom(erased.id);
			expect(await store().getRoom(erased.id)).toBeUndefined();
			expect(await store().loadDoc(erased.id)).toEqual({ updates: [], cursor: undefined });
			expect(await store().loadDoc(sealedDocId(erased.id))).toEqual({
				updates: [],
				cursor: undefined
			});
			expect(await store().getRoom(kept.id)).toEqual(kept);
			expect(rebuild((await store().loadDoc(kept.id)).updates)).toBe('abc');
			expect(rebuild((await store().loadDoc(sealedDocId(kept.id))).updates)).toBe('sealed');
		});

		test('an append still on its way when the room is deleted is deleted with it', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await store().createRoom(room, textUpdate(doc, 'a'));
			const appending = store().appendUpdate(room.id, textUpdate(doc, 'b'));
			await store().deleteRoom(room.id);
			await appending;
			expect((await store().loadDoc(room.id)).updates).toEqual([]);
		});

		test('the last position is the last append’s; an empty log has none', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await store().createRoom(room, textUpdate(doc, 'a'));
			expect(await store().lastPosition(room.id)).toBeUndefined();
			await store().appendUpdate(room.id, textUpdate(doc, 'b'));
			const last = await positionOf(store().appendUpdate(room.id, textUpdate(doc, 'c')));
			expect(await store().lastPosition(room.id)).toBe(last);
		});

		test('an append to a room that is gone stores nothing and says so', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await store().createRoom(room, textUpdate(doc, 'a'));
			await store().deleteRoom(room.id);
			expect(await store().appendUpdate(room.id, textUpdate(doc, 'b'))).toBeUndefined();
			expect(
				await store().appendUpdate(sealedDocId(room.id), textUpdate(doc, 'c'))
			).toBeUndefined();
			expect(await store().loadDoc(room.id)).toEqual({ updates: [], cursor: undefined });
			expect(await store().loadDoc(sealedDocId(room.id))).toEqual({
				updates: [],
				cursor: undefined
			});
		});

		test('deleting or touching a room that does not exist changes nothing', async () => {
			const absent = meta();
			await store().deleteRoom(absent.id);
			await store().touch(absent.id);
			expect(await store().getRoom(absent.id)).toBeUndefined();
			expect((await store().loadDoc(absent.id)).updates).toEqual([]);
		});

		test('a room active since `before` is never listed as expired', async () => {
			const room = meta();
			const before = Date.now() - 1;
			await store().createRoom(room, textUpdate(new Y.Doc(), 'a'));
			await store().touch(room.id);
			expect(await store().expiredRooms(before, 100)).not.toContain(room.id);
		});
	});
}
