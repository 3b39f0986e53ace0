import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { redirectLog } from '../log';
import { roomDocIds, roomOfDoc, type DocStore } from '../storage/doc-store';
import { singleInstance } from '../fanout/local-fanout';
import { STORE_WITHIN_MS } from './loaded-room';
import { RoomRegistry } from './room-registry';
import { processLock } from './room-lock';

/** An in-memory DocStore keeping each document's updates and each room's last activity. */
function memoryStore(now: () => number) {
	const updates = new Map<string, Uint8Array[]>();
	const lastActive = new Map<string, number>();
	const store: DocStore = {
		async createRoom(meta, initialUpdate) {
			updates.set(meta.id, [initialUpdate]);
			lastActive.set(meta.id, now());
		},
		async getRoom(id) {
			return lastActive.has(id)
				? { id, playbookId: 'active-listening-sprint', createdAt: 0 }
				: undefined;
		},
		async appendUpdate(id, update) {
			const log = updates.get(id) ?? [];
			updates.set(id, [...log, update]);
			lastActive.set(roomOfDoc(id), now());
			return String(log.length + 1);
		},
		async loadDoc(id) {
			return { updates: [...(updates.get(id) ?? [])], cursor: undefined };
		},
		async compact(id, snapshot) {
			updates.set(id, [snapshot]);
			return true;
		},
		async lastPosition(id) {
			const log = updates.get(id) ?? [];
			return log.length > 1 ? String(log.length - 1) : undefined;
		},
		async touch(id) {
			if (lastActive.has(id)) lastActive.set(id, now());
		},
		async deleteRoom(id) {
			for (const docId of roomDocIds(id)) updates.delete(docId);
			lastActive.delete(id);
		},
		async expiredRooms(before, limit) {
			return [...lastActive]
				.filter(([, at]) => at < before)
				.map(([id]) => id)
				.slice(0, limit);
		}
	};
	return { store, updates };
}

/** A memory store whose compaction waits until the test lets it finish. */
function slowStore() {
	const { store: memory } = memoryStore(() => 0);
	let finishCompaction: () => void = () => {};
	const store: DocStore = {
		...memory,
		compact: vi.fn(
			(id: string, snapshot: Uint8Array, cursor: string) =>
				new Promise<boolean>((resolve) => {
					finishCompaction = () => resolve(memory.compact(id, snapshot, cursor));
				})
		)
	};
	return { store, finishCompaction: () => finishCompaction() };
}

afterEach(() => vi.useRealTimers());
// The registry's events (a room erased) are not the tests' output.
afterAll(redirectLog({ write: () => true }));

const registryOn = (store: DocStore, unloadGraceMs = 0) => {
	const local = singleInstance(store);
	return new RoomRegistry(local.store, {
		unloadGraceMs,
		findPlaybook: async (id) => findBuiltInPlaybook(id),
		fanout: local.fanout,
		storeWithinMs: STORE_WITHIN_MS,
		lock: processLock
	});
};

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('room registry', () => {
	test('a room is not loaded again while its previous copy is still being stored', async () => {
		const { store, finishCompaction } = slowStore();
		const registry = registryOn(store);
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

	test('the document connections of every room in memory are counted', async () => {
		const { store } = memoryStore(() => 0);
		const registry = registryOn(store, 60_000);
		const other = 'AAAAAAAAAAAAAAAAAAAAA2';
		await registry.create({ id: ROOM, playbookId: 'active-listening-sprint', createdAt: 0 });
		await registry.create({ id: other, playbookId: 'active-listening-sprint', createdAt: 0 });
		const first = await registry.acquire(ROOM);
		const second = await registry.acquire(other);
		const anyone = { kind: 'link' } as const;
		first!.room.connections.track(anyone, () => {});
		const forget = second!.room.connections.track(anyone, () => {});
		second!.room.connections.track({ kind: 'projector', token: 'a-projector-token' }, () => {});
		expect(registry.documentConnectionCount).toBe(3);
		forget();
		expect(registry.documentConnectionCount).toBe(2);
		first!.release();
		second!.release();
		await registry.closeAll();
		expect(registry.documentConnectionCount).toBe(0);
	});

	test('looking up a room that does not exist holds nothing in memory', async () => {
		const { store } = slowStore();
		const registry = registryOn(store, 60_000);
		expect(await registry.acquire(ROOM)).toBeUndefined();
		expect(registry.loadedCount).toBe(0);
	});
});

describe('erasing and expiry', () => {
	const meta = { id: ROOM, playbookId: 'active-listening-sprint', createdAt: 0 };
	const DAY = 86_400_000;

	test('an erased room is not stored again, and is gone for every later lease', async () => {
		vi.useFakeTimers();
		const { store, updates } = memoryStore(() => 0);
		const registry = registryOn(store, 60_000);
		await registry.create(meta);
		const lease = await registry.acquire(ROOM);
		lease!.room.doc.getText(NOTES_TEXT).insert(0, 'said in confidence');
		const later = registry.acquire(ROOM);
		await registry.erase(ROOM);
		lease!.release();
		expect(await later).toBeUndefined();
		expect(await registry.acquire(ROOM)).toBeUndefined();
		await registry.closeAll();
		// The change typed just before was never stored, not even later.
		await vi.advanceTimersByTimeAsync(2_000);
		expect([...updates.keys()]).toEqual([]);
		expect(registry.loadedCount).toBe(0);
	});

	test('a room untouched past the retention is deleted; one in memory or used lately is kept', async () => {
		let now = 0;
		const { store } = memoryStore(() => now);
		const registry = registryOn(store, 60_000);
		const rooms = ['AAAAAAAAAAAAAAAAAAAAA1', 'AAAAAAAAAAAAAAAAAAAAA2', 'AAAAAAAAAAAAAAAAAAAAA3'];
		const [idle, open, visited] = rooms as [string, string, string];
		for (const id of rooms) await registry.create({ ...meta, id });
		const lease = await registry.acquire(open);
		now = 29 * DAY;
		(await registry.acquire(visited))!.release();
		now = 31 * DAY;
		expect(await registry.deleteExpired(now - 30 * DAY)).toEqual([idle]);
		expect(await registry.getRoom(idle)).toBeUndefined();
		expect(await registry.getRoom(open)).toBeDefined();
		expect(await registry.getRoom(visited)).toBeDefined();
		lease!.release();
		await registry.closeAll();
	});

	test('a room in memory has its retention restarted by each sweep', async () => {
		let now = 0;
		const { store } = memoryStore(() => now);
		const registry = registryOn(store, 60_000);
		await registry.create(meta);
		const lease = await registry.acquire(ROOM);
		now = 40 * DAY;
		await registry.touchLoaded();
		lease!.release();
		await registry.closeAll();
		expect(await registry.deleteExpired(now - 30 * DAY)).toEqual([]);
	});
});
