import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { RoomStore } from '../../server/storage/room-store';
import type { WakeIndex } from '../../server/turns/wake-index';
import { freshStore, type Opened } from './fresh-store';

/** A wake index and the room store of the same backend. */
export interface WakeStores {
	rooms: RoomStore;
	wakes: WakeIndex;
	/** Whether several instances share the index (a claim then goes to one of them). */
	shared: boolean;
}

const newId = () => randomBytes(16).toString('base64url');

/** The behaviour every WakeIndex must have (SQLite and Redis run this same suite). */
export function wakeIndexContract(name: string, open: () => Promise<Opened<WakeStores>>): void {
	describe(`WakeIndex contract: ${name}`, () => {
		const stores = freshStore(open);
		// Far in the future, so entries of other tests on a shared Redis never come first.
		const base = 4_000_000_000_000 + Math.floor(Math.random() * 1_000_000_000);

		test('[A14] lists the wakes due by a time, earliest first, up to the limit', async () => {
			const { wakes } = stores();
			const [a, b, c] = [newId(), newId(), newId()];
			await wakes.set(b, base + 20);
			await wakes.set(a, base + 10);
			await wakes.set(c, base + 30);
			const due = (await wakes.due(base + 25, 10)).filter((entry) => entry.at >= base);
			expect(due).toEqual([
				{ roomId: a, at: base + 10 },
				{ roomId: b, at: base + 20 }
			]);
			const first = (await wakes.due(base + 30, 1000)).filter((entry) => entry.at >= base);
			expect(first.map((entry) => entry.roomId)).toEqual([a, b, c]);
		});

		test('[A14] setting a room again replaces its wake, and removing forgets it', async () => {
			const { wakes } = stores();
			const room = newId();
			await wakes.set(room, base + 50);
			await wakes.set(room, base + 5);
			const mine = async () =>
				(await wakes.due(base + 100, 10_000)).filter((entry) => entry.roomId === room);
			expect(await mine()).toEqual([{ roomId: room, at: base + 5 }]);
			await wakes.remove(room);
			expect(await mine()).toEqual([]);
			await wakes.remove(room);
		});

		test('[A14] a room created on turns is stored with its first wake, one without has none', async () => {
			const { rooms, wakes } = stores();
			const [onTurns, live] = [newId(), newId()];
			const meta = { playbookId: 'active-listening-sprint', createdAt: 0 };
			await rooms.createRoom({ ...meta, id: onTurns }, new Uint8Array([0, 0]), base + 7);
			await rooms.createRoom({ ...meta, id: live }, new Uint8Array([0, 0]));
			const listed = await wakes.due(base + 10, 10_000);
			expect(listed.filter((entry) => entry.roomId === onTurns)).toEqual([
				{ roomId: onTurns, at: base + 7 }
			]);
			expect(listed.some((entry) => entry.roomId === live)).toBe(false);
		});

		test('[A14] creating a room under a taken id changes neither it nor its wake', async () => {
			const { rooms, wakes } = stores();
			const room = newId();
			const meta = { id: room, playbookId: 'active-listening-sprint', createdAt: 0 };
			await rooms.createRoom(meta, new Uint8Array([0, 0]), base + 3);
			await expect(
				rooms.createRoom({ ...meta, createdAt: 1 }, new Uint8Array([0, 0]), base + 9)
			).rejects.toThrow();
			expect(await rooms.getRoom(room)).toEqual(meta);
			const listed = await wakes.due(base + 10, 10_000);
			expect(listed.filter((entry) => entry.roomId === room)).toEqual([
				{ roomId: room, at: base + 3 }
			]);
		});

		test('[A14] creating a room on turns under the id of a live room gives that room no wake', async () => {
			const { rooms, wakes } = stores();
			const room = newId();
			const meta = { id: room, playbookId: 'active-listening-sprint', createdAt: 0 };
			await rooms.createRoom(meta, new Uint8Array([0, 0]));
			await expect(
				rooms.createRoom({ ...meta, createdAt: 1 }, new Uint8Array([0, 0]), base + 9)
			).rejects.toThrow();
			expect(await rooms.getRoom(room)).toEqual(meta);
			const listed = await wakes.due(base + 10, 10_000);
			expect(listed.some((entry) => entry.roomId === room)).toBe(false);
		});

		test('[A14] erasing a room deletes its wake with it', async () => {
			const { rooms, wakes } = stores();
			const room = newId();
			await rooms.createRoom(
				{ id: room, playbookId: 'active-listening-sprint', createdAt: 0 },
				new Uint8Array([0, 0])
			);
			await wakes.set(room, base + 1);
			await rooms.deleteRoom(room);
			const listed = await wakes.due(base + 10, 10_000);
			expect(listed.some((entry) => entry.roomId === room)).toBe(false);
		});

		test('[A15] a wake is claimed once across instances, and each new wake again', async () => {
			const { wakes, shared } = stores();
			const room = newId();
			const claims = await Promise.all([
				wakes.claim(room, base, 60_000),
				wakes.claim(room, base, 60_000)
			]);
			expect(claims.filter(Boolean)).toHaveLength(shared ? 1 : 2);
			expect(await wakes.claim(room, base + 1, 60_000)).toBe(true);
		});
	});
}
