import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { AwarenessFeed } from '../../server/fanout/awareness-feed';
import type { RoomLock } from '../../server/rooms/room-lock';
import {
	FenceLost,
	sealedDocId,
	type DocumentLog,
	type LogEntry
} from '../../server/storage/document-log';
import type { RoomStore } from '../../server/storage/room-store';
import type { RoomMeta } from '../../src/lib/protocol/http';
import { waitFor } from '../support/wait';
import { freshStore, type Opened } from './fresh-store';

/** One instance on a backend: its document log and its awareness feed. */
export interface Instance {
	log: DocumentLog;
	awareness: AwarenessFeed;
}

/** A backend's room store, and two instances sharing it. */
export interface SharedBackend {
	rooms: RoomStore;
	first: Instance;
	second: Instance;
	/**
	 * Its holds on rooms, when its appends check a decision's fence: only a log shared by several
	 * processes has them (`DocumentLog.append`).
	 */
	holds?: SharedHolds;
}

/**
 * The first instance's lock on rooms, and another instance taking a room's hold from it (as
 * when the first one's runs out).
 */
export interface SharedHolds {
	lock: RoomLock;
	takeOver(roomId: string): Promise<void>;
}

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

/** What a subscriber was given, in order: each entry's origin, text and the cursor with it. */
function recorder() {
	const received: { origin: string; text: string; cursor: string | undefined }[] = [];
	const deliver = (entries: LogEntry[], cursor: string | undefined) => {
		for (const { origin, update } of entries) {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, update);
			received.push({ origin, text: doc.getText('notes').toString(), cursor });
		}
	};
	return { received, deliver };
}

/**
 * The behaviour every document log and room store must have, with the awareness feed that goes
 * with them (SQLite with in-process subscribers, Redis, and the in-memory fake run this suite).
 */
export function documentLogContract(
	name: string,
	open: () => Promise<Opened<SharedBackend>>
): void {
	describe(`DocumentLog contract: ${name}`, () => {
		const backend = freshStore(open);
		const rooms = () => backend().rooms;
		/** The first instance's log: the store as one instance sees it. */
		const log = () => backend().first.log;

		test('a created room is found with its metadata; an unknown one is not', async () => {
			const room = meta();
			await rooms().createRoom(room, textUpdate(new Y.Doc(), 'init'));
			expect(await rooms().getRoom(room.id)).toEqual(room);
			expect(await rooms().getRoom('AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
		});

		test('creating a room twice fails and keeps the first', async () => {
			const room = meta();
			await rooms().createRoom(room, textUpdate(new Y.Doc(), 'first'));
			await expect(
				rooms().createRoom({ ...room, playbookId: 'other' }, new Uint8Array())
			).rejects.toThrow();
			expect((await rooms().getRoom(room.id))?.playbookId).toBe('active-listening-sprint');
		});

		test('the document is the initial update followed by every appended update, in order', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await rooms().createRoom(room, textUpdate(doc, 'a'));
			for (const part of ['b', 'c', 'd']) await log().append(room.id, textUpdate(doc, part));
			const stored = await log().load(room.id);
			expect(stored.updates).toHaveLength(4);
			expect(rebuild(stored.updates)).toBe('abcd');
			expect(stored.cursor).toBeDefined();
		});

		test('compaction replaces the log up to the cursor and keeps what came after', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await rooms().createRoom(room, textUpdate(doc, 'a'));
			await log().append(room.id, textUpdate(doc, 'b'));
			const cursor = await positionOf(log().append(room.id, textUpdate(doc, 'c')));
			const snapshot = Y.encodeStateAsUpdate(doc);
			await log().append(room.id, textUpdate(doc, 'd'));
			await log().compact(room.id, snapshot, cursor);
			const stored = await log().load(room.id);
			expect(stored.updates).toHaveLength(2);
			expect(rebuild(stored.updates)).toBe('abcd');
		});

		test('rooms do not see each other’s updates', async () => {
			const first = meta();
			const second = meta();
			await rooms().createRoom(first, textUpdate(new Y.Doc(), 'one'));
			await rooms().createRoom(second, textUpdate(new Y.Doc(), 'two'));
			expect(rebuild((await log().load(first.id)).updates)).toBe('one');
			expect(rebuild((await log().load(second.id)).updates)).toBe('two');
		});

		test('deleting a room removes its metadata, its document and its sealed document only', async () => {
			const erased = meta();
			const kept = meta();
			for (const room of [erased, kept]) {
				const doc = new Y.Doc();
				await rooms().createRoom(room, textUpdate(doc, 'a'));
				const cursor = await positionOf(log().append(room.id, textUpdate(doc, 'b')));
				await log().compact(room.id, Y.encodeStateAsUpdate(doc), cursor);
				await log().append(room.id, textUpdate(doc, 'c'));
				await log().append(sealedDocId(room.id), textUpdate(new Y.Doc(), 'sealed'));
			}
			await rooms().deleteRoom(erased.id);
			expect(await rooms().getRoom(erased.id)).toBeUndefined();
			expect(await log().load(erased.id)).toEqual({ updates: [], cursor: undefined });
			expect(await log().load(sealedDocId(erased.id))).toEqual({
				updates: [],
				cursor: undefined
			});
			expect(await rooms().getRoom(kept.id)).toEqual(kept);
			expect(rebuild((await log().load(kept.id)).updates)).toBe('abc');
			expect(rebuild((await log().load(sealedDocId(kept.id))).updates)).toBe('sealed');
		});

		test('an append still on its way when the room is deleted is deleted with it', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await rooms().createRoom(room, textUpdate(doc, 'a'));
			const appending = log().append(room.id, textUpdate(doc, 'b'));
			await rooms().deleteRoom(room.id);
			await appending;
			expect((await log().load(room.id)).updates).toEqual([]);
		});

		test('the last position is the last append’s; an empty log has none', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await rooms().createRoom(room, textUpdate(doc, 'a'));
			expect(await log().lastPosition(room.id)).toBeUndefined();
			await log().append(room.id, textUpdate(doc, 'b'));
			const last = await positionOf(log().append(room.id, textUpdate(doc, 'c')));
			expect(await log().lastPosition(room.id)).toBe(last);
		});

		test('an append to a room that is gone stores nothing and says so', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await rooms().createRoom(room, textUpdate(doc, 'a'));
			await rooms().deleteRoom(room.id);
			expect(await log().append(room.id, textUpdate(doc, 'b'))).toBeUndefined();
			expect(await log().append(sealedDocId(room.id), textUpdate(doc, 'c'))).toBeUndefined();
			expect(await log().load(room.id)).toEqual({ updates: [], cursor: undefined });
			expect(await log().load(sealedDocId(room.id))).toEqual({
				updates: [],
				cursor: undefined
			});
		});

		test('compacting a room that is gone stores nothing and says so', async () => {
			const room = meta();
			const doc = new Y.Doc();
			await rooms().createRoom(room, textUpdate(doc, 'a'));
			await rooms().deleteRoom(room.id);
			const snapshot = Y.encodeStateAsUpdate(doc);
			expect(await log().compact(room.id, snapshot, '0')).toBe(false);
			expect(await log().load(room.id)).toEqual({ updates: [], cursor: undefined });
		});

		test('deleting or touching a room that does not exist changes nothing', async () => {
			const absent = meta();
			await rooms().deleteRoom(absent.id);
			await rooms().touch(absent.id);
			expect(await rooms().getRoom(absent.id)).toBeUndefined();
			expect((await log().load(absent.id)).updates).toEqual([]);
		});

		test('a room active since `before` is never listed as expired', async () => {
			const room = meta();
			const before = Date.now() - 1;
			await rooms().createRoom(room, textUpdate(new Y.Doc(), 'a'));
			await rooms().touch(room.id);
			expect(await rooms().expiredRooms(before, 100)).not.toContain(room.id);
		});
		test('[F1] an append reaches every subscriber once, tagged with the instance that made it', async () => {
			const { first, second } = backend();
			const room = meta();
			await rooms().createRoom(room, textUpdate(new Y.Doc(), 'init'));
			const atFirst = recorder();
			const atSecond = recorder();
			const stopFirst = first.log.subscribe(room.id, undefined, atFirst.deliver);
			const stopSecond = second.log.subscribe(room.id, undefined, atSecond.deliver);
			await waitFor(async () => {
				// Subscribing may take a moment to reach the backend: appends until one arrives.
				if (atSecond.received.length > 0) return true;
				await first.log.append(room.id, textUpdate(new Y.Doc(), 'probe'));
				return false;
			}, 'the second instance to subscribe');
			const position = await first.log.append(room.id, textUpdate(new Y.Doc(), 'hello'));
			await waitFor(() => atSecond.received.some((r) => r.text === 'hello'), 'the append');
			await waitFor(() => atFirst.received.some((r) => r.text === 'hello'), 'the append');
			const seen = atSecond.received.filter((r) => r.text === 'hello');
			expect(seen).toEqual([{ origin: first.log.instanceId, text: 'hello', cursor: position }]);
			expect(atFirst.received.filter((r) => r.text === 'hello')).toHaveLength(1);
			expect(first.log.instanceId).not.toBe(second.log.instanceId);
			stopFirst();
			stopSecond();
		});

		test('[F2] after unsubscribing, or once its log is closed, nothing more is delivered', async () => {
			const { first, second } = backend();
			const room = meta();
			await rooms().createRoom(room, textUpdate(new Y.Doc(), 'init'));
			// One document unsubscribed, the other left to the log's close.
			const docIds = [room.id, sealedDocId(room.id)];
			const atSecond = recorder();
			second.log.subscribe(room.id, undefined, atSecond.deliver)();
			second.log.subscribe(sealedDocId(room.id), undefined, atSecond.deliver);
			await second.log.close();
			const atFirst = docIds.map(() => recorder());
			const stops = docIds.map((docId, i) =>
				first.log.subscribe(docId, undefined, atFirst[i]!.deliver)
			);
			await waitFor(async () => {
				for (const docId of docIds) await first.log.append(docId, textUpdate(new Y.Doc(), 'x'));
				return atFirst.every(({ received }) => received.length > 0);
			}, 'the appends at their own instance');
			expect(atSecond.received).toEqual([]);
			for (const stop of stops) stop();
		});

		test('[F3] awareness reaches the other instances of the room, not the sender', async () => {
			const { first, second } = backend();
			const roomId = meta().id;
			const atFirst: Uint8Array[] = [];
			const atSecond: Uint8Array[] = [];
			const stops = [
				first.awareness.follow(roomId, (u) => atFirst.push(u)),
				second.awareness.follow(roomId, (u) => atSecond.push(u))
			];
			await waitFor(() => {
				first.awareness.publish(roomId, new Uint8Array([1, 2, 3]));
				return atSecond.length > 0;
			}, 'awareness on the second instance');
			expect([...atSecond[0]!]).toEqual([1, 2, 3]);
			expect(atFirst).toEqual([]);
			// The relay collects and encodes nothing for a room nobody else may hear.
			expect(first.awareness.heard(roomId)).toBe(true);
			for (const stop of stops) stop();
		});

		test('[F4] a late subscriber catches up on what was appended after its load, then hears live appends', async () => {
			const { first, second } = backend();
			const room = meta();
			const doc = new Y.Doc();
			await rooms().createRoom(room, textUpdate(doc, 'loaded. '));
			const loaded = await second.log.load(room.id);
			await first.log.append(room.id, textUpdate(doc, 'missed while loading. '));
			const copy = new Y.Doc();
			for (const update of loaded.updates) Y.applyUpdate(copy, update);
			const stop = second.log.subscribe(room.id, loaded.cursor, (entries) => {
				for (const entry of entries) Y.applyUpdate(copy, entry.update);
			});
			await first.log.append(room.id, textUpdate(doc, 'live.'));
			const expected = 'loaded. missed while loading. live.';
			await waitFor(() => copy.getText('notes').toString() === expected, 'both appends');
			stop();
		});

		test('[F6] a subscriber that throws neither fails the append nor keeps the entry from the others', async () => {
			const { first, second } = backend();
			const room = meta();
			await rooms().createRoom(room, textUpdate(new Y.Doc(), 'init'));
			const stopBroken = first.log.subscribe(room.id, undefined, () => {
				throw new Error('a broken subscriber');
			});
			const atSecond = recorder();
			const stop = second.log.subscribe(room.id, undefined, atSecond.deliver);
			const positions: string[] = [];
			await waitFor(async () => {
				positions.push(await positionOf(first.log.append(room.id, textUpdate(new Y.Doc(), 'x'))));
				return atSecond.received.some(
					(r) => r.cursor !== undefined && positions.includes(r.cursor)
				);
			}, 'the append at the other subscriber');
			stopBroken();
			stop();
		});

		test('[S25] an append under a fence that no longer holds stores nothing, reaches no subscriber and rejects with FenceLost', async (context) => {
			const { holds } = backend();
			if (!holds) return context.skip('its appends take no fence: one process, one writer');
			const room = meta();
			await rooms().createRoom(room, textUpdate(new Y.Doc(), 'init'));
			const atSecond = recorder();
			const { cursor } = await log().load(room.id);
			const stop = backend().second.log.subscribe(room.id, cursor, atSecond.deliver);
			const kept = await holds.lock.run(room.id, async (fence) => {
				const position = await positionOf(
					log().append(room.id, textUpdate(new Y.Doc(), 'kept'), fence)
				);
				await holds.takeOver(room.id);
				await expect(
					log().append(room.id, textUpdate(new Y.Doc(), 'refused'), fence)
				).rejects.toBeInstanceOf(FenceLost);
				return position;
			});
			expect(await log().lastPosition(room.id)).toBe(kept);
			const stored = rebuild((await log().load(room.id)).updates);
			expect(stored).toContain('kept');
			expect(stored).not.toContain('refused');
			// An append after it, to know the refused one would have arrived by now.
			await log().append(room.id, textUpdate(new Y.Doc(), 'after'));
			await waitFor(() => atSecond.received.some((r) => r.text === 'after'), 'the last append');
			expect(atSecond.received.map((r) => r.text)).toEqual(['kept', 'after']);
			stop();
		});
	});
}
