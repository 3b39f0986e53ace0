import { describe, expect, test, vi } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import type { DocStore } from '../storage/doc-store';
import { RoomRegistry } from './room-registry';

/** An in-memory DocStore whose compaction waits until the test lets it finish. */
function slowStore() {
	const updates = new Map<string, Uint8Array[]>();
	let finishCompaction: () => void = () => {};
	const store: DocStore = {
		async createRoom(meta, initialUpdate) {
			updates.set(meta.id, [initialUpdate]);
		},
		async getRoom(id) {
			return updates.has(id)
				? { id, playbookId: 'active-listening-sprint', createdAt: 0 }
				: undefined;
		},
		async appendUpdate(id, update) {
			const log = updates.get(id) ?? [];
			updates.set(id, [...log, update]);
			return String(log.length + 1);
		},
		async loadDoc(id) {
			return { updates: [...(updates.get(id) ?? [])], cursor: undefined };
		},
		compact: vi.fn(
			(id: string, snapshot: Uint8Array) =>
				new Promise<void>((resolve) => {
					finishCompaction = () => {
						updates.set(id, [snapshot]);
						resolve();
					};
				})
		)
	};
	return { store, finishCompaction: () => finishCompaction() };
}

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('room registry', () => {
	test('a room is not loaded again while its previous copy is still being stored', async () => {
		const { store, finishCompaction } = slowStore();
		const registry = new RoomRegistry(store, {
			unloadGraceMs: 0,
			findPlaybook: async (id) => findBuiltInPlaybook(id)
		});
		await registry.create({ id: ROOM, playbookId: 'active-listening-sprint', createdAt: 0 });
		const first = await registry.acquire(ROOM);
		first!.room.doc.getText(NOTES_TEXT).insert(0, 'typed just before leaving');
		first!.release();
		await vi.waitFor(() => expect(store.compact).toHaveBeenCalled());

		let second: Awaited<ReturnType<RoomRegistry['acquire']>>;
		const reacquired = registry.acquire(ROOM).then((lease) => (second = lease));
		await new Promise((resolve) => setImmediate(resolve));
		expect(second).toBeUndefined(); // still waiting for the first copy to finish
		finishCompaction();
		await reacquired;
		expect(second!.room.doc.getText(NOTES_TEXT).toString()).toBe('typed just before leaving');
		second!.release();
		await registry.closeAll();
	});

	test('looking up a room that does not exist holds nothing in memory', async () => {
		const { store } = slowStore();
		const registry = new RoomRegistry(store, {
			unloadGraceMs: 60_000,
			findPlaybook: async (id) => findBuiltInPlaybook(id)
		});
		expect(await registry.acquire(ROOM)).toBeUndefined();
		expect(registry.loadedCount).toBe(0);
	});
});
