import { afterEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import type { DocStore } from '../storage/doc-store';
import { initialRoomUpdate, LoadedRoom } from './loaded-room';

const playbook = findBuiltInPlaybook('active-listening-sprint')!;
const meta = { id: 'AAAAAAAAAAAAAAAAAAAAAA', playbookId: playbook.id, createdAt: 0 };

/** A store whose appends fail `failures` times before they work; it keeps what it was given. */
function flakyStore(failures: number) {
	const appended: Uint8Array[] = [];
	const snapshots: Uint8Array[] = [];
	let left = failures;
	const store: DocStore = {
		createRoom: async () => {},
		getRoom: async () => meta,
		loadDoc: async () => ({ updates: [initialRoomUpdate(playbook)], cursor: undefined }),
		appendUpdate: async (_id, update) => {
			if (left-- > 0) throw new Error('disk full');
			appended.push(update);
			return String(appended.length);
		},
		compact: async (_id, snapshot) => {
			snapshots.push(snapshot);
		},
		touch: async () => {},
		deleteRoom: async () => {},
		expiredRooms: async () => []
	};
	return { store, appended, snapshots };
}

const notesOf = (updates: Uint8Array[]) => {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc.getText(NOTES_TEXT).toString();
};

afterEach(() => vi.useRealTimers());

describe('storing a room', () => {
	test('changes typed in quick succession are stored as one merged entry', async () => {
		vi.useFakeTimers();
		const { store, appended } = flakyStore(0);
		const room = await LoadedRoom.load(store, meta, playbook);
		for (const letter of 'abc')
			room.doc.getText(NOTES_TEXT).insert(room.doc.getText(NOTES_TEXT).length, letter);
		await vi.advanceTimersByTimeAsync(150);
		expect(appended).toHaveLength(1);
		expect(notesOf([initialRoomUpdate(playbook), ...appended])).toBe('abc');
	});

	test('a failed store keeps the changes and stores them on the next attempt', async () => {
		vi.useFakeTimers();
		const { store, appended } = flakyStore(1);
		const room = await LoadedRoom.load(store, meta, playbook);
		room.doc.getText(NOTES_TEXT).insert(0, 'kept');
		await vi.advanceTimersByTimeAsync(150);
		expect(appended).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1_100);
		expect(notesOf([initialRoomUpdate(playbook), ...appended])).toBe('kept');
	});

	test('discarding a room (erasing it) stores nothing more and ends its connections', async () => {
		vi.useFakeTimers();
		const { store, appended, snapshots } = flakyStore(0);
		const room = await LoadedRoom.load(store, meta, playbook);
		const ends: string[] = [];
		room.trackDocConnection('ana-00001', (why) => ends.push(`ana: ${why}`));
		room.trackDocConnection(undefined, (why) => ends.push(`anyone: ${why}`));
		room.doc.getText(NOTES_TEXT).insert(0, 'never stored');
		await room.discard();
		await vi.advanceTimersByTimeAsync(1_000);
		expect(appended).toEqual([]);
		expect(snapshots).toEqual([]);
		expect(ends).toEqual(['ana: erased', 'anyone: erased']);
	});

	test('discarding waits for a write already under way, so none lands after the erase', async () => {
		let finishAppend: () => void = () => {};
		const { store } = flakyStore(0);
		const slowStore = {
			...store,
			appendUpdate: () => new Promise<string>((resolve) => (finishAppend = () => resolve('1')))
		};
		vi.useFakeTimers();
		const room = await LoadedRoom.load(slowStore, meta, playbook);
		room.doc.getText(NOTES_TEXT).insert(0, 'on its way');
		await vi.advanceTimersByTimeAsync(150);
		let discarded = false;
		const discarding = room.discard().then(() => (discarded = true));
		await vi.advanceTimersByTimeAsync(10);
		expect(discarded).toBe(false);
		finishAppend();
		await discarding;
		expect(discarded).toBe(true);
	});

	test('removing someone ends only their document connections', async () => {
		const { store } = flakyStore(0);
		const room = await LoadedRoom.load(store, meta, playbook);
		const ends: string[] = [];
		room.trackDocConnection('ana-00001', (why) => ends.push(`ana: ${why}`));
		const forgetBen = room.trackDocConnection('ben-00002', (why) => ends.push(`ben: ${why}`));
		room.trackDocConnection(undefined, (why) => ends.push(`anyone: ${why}`));
		room.closeDocConnections('ana-00001');
		forgetBen();
		room.closeDocConnections('ben-00002');
		expect(ends).toEqual(['ana: removed']);
	});

	test('closing after stores failed writes the whole document as the snapshot', async () => {
		const { store, snapshots } = flakyStore(Number.POSITIVE_INFINITY);
		const room = await LoadedRoom.load(store, meta, playbook);
		room.doc.getText(NOTES_TEXT).insert(0, 'never appended');
		await room.close();
		expect(notesOf(snapshots.slice(-1))).toBe('never appended');
	});
});
