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
		}
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

	test('closing after stores failed writes the whole document as the snapshot', async () => {
		const { store, snapshots } = flakyStore(Number.POSITIVE_INFINITY);
		const room = await LoadedRoom.load(store, meta, playbook);
		room.doc.getText(NOTES_TEXT).insert(0, 'never appended');
		await room.close();
		expect(notesOf(snapshots.slice(-1))).toBe('never appended');
	});
});
