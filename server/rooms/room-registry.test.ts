import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { redirectLog } from '../log';
import { LocalHub } from '../fanout/local-hub';
import { sealedDocId, type DocumentLog } from '../storage/document-log';
import { MemoryStorage } from '../storage/memory-storage';
import type { RoomStore } from '../storage/room-store';
import { STORE_WITHIN_MS } from './log-writer';
import { RoomRegistry } from './room-registry';
import { processLock } from './room-lock';

/** Rooms in memory whose log's compaction waits until the test lets it finish. */
function slowStorage() {
	const storage = new MemoryStorage(() => 0);
	const memory = storage.log();
	let finishCompaction: () => void = () => {};
	const log: DocumentLog = {
		...memory,
		compact: vi.fn(
			(id: string, snapshot: Uint8Array, cursor: string) =>
				new Promise<boolean>((resolve) => {
					finishCompaction = () => resolve(memory.compact(id, snapshot, cursor));
				})
		)
	};
	return { rooms: storage.rooms, log, finishCompaction: () => finishCompaction() };
}

afterEach(() => vi.useRealTimers());
// The registry's events (a room erased) are not the tests' output.
afterAll(redirectLog({ write: () => true }));

const registryOn = ({ rooms, log }: { rooms: RoomStore; log: DocumentLog }, unloadGraceMs = 0) =>
	new RoomRegistry(rooms, {
		unloadGraceMs,
		findPlaybook: async (id) => findBuiltInPlaybook(id),
		log,
		awareness: new LocalHub().awareness(log.instanceId),
		storeWithinMs: STORE_WITHIN_MS,
		lock: processLock
	});

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('room registry', () => {
	test('a room is not loaded again while its previous copy is still being stored', async () => {
		const storage = slowStorage();
		const registry = registryOn(storage);
		await registry.create({ id: ROOM, playbookId: 'active-listening-sprint', createdAt: 0 });
		const first = await registry.acquire(ROOM);
		first!.room.doc.getText(NOTES_TEXT).insert(0, 'typed just before leaving');
		first!.release();
		await vi.waitFor(() => expect(storage.log.compact).toHaveBeenCalled());

		let second: Awaited<ReturnType<RoomRegistry['acquire']>>;
		const reacquired = registry.acquire(ROOM).then((lease) => (second = lease));
		await new Promise((resolve) => setImmediate(resolve));
		expect(second).toBeUndefined(); // still waiting for the first copy to finish
		storage.finishCompaction();
		await reacquired;
		expect(second!.room.doc.getText(NOTES_TEXT).toString()).toBe('typed just before leaving');
		second!.release();
		await registry.closeAll();
	});

	test('the document connections of every room in memory are counted', async () => {
		const storage = new MemoryStorage(() => 0);
		const registry = registryOn({ rooms: storage.rooms, log: storage.log() }, 60_000);
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
		const registry = registryOn(slowStorage(), 60_000);
		expect(await registry.acquire(ROOM)).toBeUndefined();
		expect(registry.loadedCount).toBe(0);
	});
});

describe('erasing and expiry', () => {
	const meta = { id: ROOM, playbookId: 'active-listening-sprint', createdAt: 0 };
	const DAY = 86_400_000;

	test('an erased room is not stored again, and is gone for every later lease', async () => {
		vi.useFakeTimers();
		const storage = new MemoryStorage(() => 0);
		const log = storage.log();
		const registry = registryOn({ rooms: storage.rooms, log }, 60_000);
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
		for (const docId of [ROOM, sealedDocId(ROOM)]) {
			expect(await log.load(docId)).toEqual({ updates: [], cursor: undefined });
		}
		expect(registry.loadedCount).toBe(0);
	});

	test('a room untouched past the retention is deleted; one in memory or used lately is kept', async () => {
		let now = 0;
		const storage = new MemoryStorage(() => now);
		const registry = registryOn({ rooms: storage.rooms, log: storage.log() }, 60_000);
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
		const storage = new MemoryStorage(() => now);
		const registry = registryOn({ rooms: storage.rooms, log: storage.log() }, 60_000);
		await registry.create(meta);
		const lease = await registry.acquire(ROOM);
		now = 40 * DAY;
		await registry.touchLoaded();
		lease!.release();
		await registry.closeAll();
		expect(await registry.deleteExpired(now - 30 * DAY)).toEqual([]);
	});
});
