import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { RoomWakes } from './room-wakes';
import type { WakeEntry, WakeIndex } from './wake-index';

beforeEach(() => vi.useFakeTimers({ now: 1_000 }));
afterEach(() => vi.useRealTimers());

/** An index in memory that counts its writes, granting each claim once (as with Redis). */
function memoryIndex() {
	const entries = new Map<string, number>();
	const claimed = new Set<string>();
	let writes = 0;
	const index: WakeIndex = {
		async set(roomId, at) {
			writes++;
			entries.set(roomId, at);
		},
		async remove(roomId) {
			writes++;
			entries.delete(roomId);
		},
		async due(until, limit): Promise<WakeEntry[]> {
			return [...entries]
				.map(([roomId, at]) => ({ roomId, at }))
				.filter((entry) => entry.at <= until)
				.sort((a, b) => a.at - b.at)
				.slice(0, limit);
		},
		async claim(roomId, at) {
			const key = `${roomId}@${at}`;
			if (claimed.has(key)) return false;
			claimed.add(key);
			return true;
		}
	};
	return { index, entries, writes: () => writes };
}

function wakesOver(index: WakeIndex) {
	const armed = new Map<string, number | undefined>();
	const wakes = new RoomWakes({
		clock: { arm: (roomId, at) => void armed.set(roomId, at) },
		index,
		now: () => Date.now(),
		everyMs: 60_000,
		failed: (error) => {
			throw error;
		}
	});
	return { wakes, armed };
}

test('[A14] a schedule arms the clock and is stored, and an unchanged one writes nothing', async () => {
	const { index, entries, writes } = memoryIndex();
	const { wakes, armed } = wakesOver(index);
	wakes.schedule('room-a', 50_000);
	wakes.schedule('room-a', 50_000);
	await vi.advanceTimersByTimeAsync(0);
	expect(armed.get('room-a')).toBe(50_000);
	expect(entries.get('room-a')).toBe(50_000);
	expect(writes()).toBe(1);
});

test('[A14] a schedule that ends removes the room’s wake; a live room never on turns writes nothing', async () => {
	const { index, entries, writes } = memoryIndex();
	const { wakes } = wakesOver(index);
	wakes.schedule('live-room', undefined);
	wakes.schedule('room-a', 50_000);
	wakes.schedule('room-a', undefined);
	await vi.advanceTimersByTimeAsync(0);
	expect(entries.has('room-a')).toBe(false);
	expect(writes()).toBe(2);
});

test('[A14] a room that loads sets its stored wake right, even one this instance wrote the same', async () => {
	const { index, entries } = memoryIndex();
	const { wakes } = wakesOver(index);
	wakes.schedule('room-a', 50_000);
	await vi.advanceTimersByTimeAsync(0);
	// Left behind by a failed removal: the room's schedule has ended since.
	wakes.loaded('room-b', undefined);
	await index.set('room-b', 0);
	wakes.loaded('room-b', undefined);
	await index.set('room-a', 0);
	wakes.loaded('room-a', 50_000);
	await vi.advanceTimersByTimeAsync(0);
	expect(entries.has('room-b')).toBe(false);
	expect(entries.get('room-a')).toBe(50_000);
});

test('[A14] a sweep arms the wakes due before the next sweep, not later ones', async () => {
	const { index } = memoryIndex();
	await index.set('past', 0);
	await index.set('soon', 1_000 + 59_000);
	await index.set('later', 1_000 + 61_000);
	const { wakes, armed } = wakesOver(index);
	await wakes.sweep();
	expect([...armed]).toEqual([
		['past', 0],
		['soon', 60_000]
	]);
});

test('[A15] of two instances sweeping one index, one arms a due room', async () => {
	const { index } = memoryIndex();
	await index.set('room-a', 500);
	const one = wakesOver(index);
	const two = wakesOver(index);
	await Promise.all([one.wakes.sweep(), two.wakes.sweep()]);
	expect(one.armed.size + two.armed.size).toBe(1);
});

test('[A14] sweeping starts at once and repeats every minute until stopped', async () => {
	const { index } = memoryIndex();
	const { wakes, armed } = wakesOver(index);
	wakes.start();
	await vi.advanceTimersByTimeAsync(0);
	await index.set('room-a', 1_000 + 90_000);
	await vi.advanceTimersByTimeAsync(59_999);
	expect(armed.size).toBe(0);
	await vi.advanceTimersByTimeAsync(1);
	expect(armed.get('room-a')).toBe(91_000);
	await wakes.stop();
	await index.set('room-b', 0);
	await vi.advanceTimersByTimeAsync(120_000);
	expect(armed.has('room-b')).toBe(false);
});

test('[A14] forgetting a gone room disarms it and removes its wake', async () => {
	const { index, entries } = memoryIndex();
	const { wakes, armed } = wakesOver(index);
	wakes.schedule('gone', 5_000);
	await wakes.forget('gone');
	expect(armed.get('gone')).toBeUndefined();
	expect(entries.has('gone')).toBe(false);
});
