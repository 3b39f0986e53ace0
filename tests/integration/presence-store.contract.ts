import { describe, expect, test } from 'vitest';
import type { PresenceStore } from '../../server/presence/presence-store';
import type { Participant } from '../../src/lib/protocol/presence';
import { freshStore, type Opened } from './fresh-store';

const NOW = 1_700_000_000_000;
let counter = 0;

function person(name: string, seenAt = NOW): Participant {
	return {
		participantId: `id-${name}-00000`,
		name,
		roleId: 'listener',
		status: 'connected',
		seenAt
	};
}

/**
 * The behaviour every PresenceStore must have (memory and Redis run this same suite).
 * `createRoom` makes a room exist where the store checks (Redis keeps people of existing rooms
 * only; see tests/integration/stores.test.ts).
 */
export function presenceStoreContract(
	name: string,
	open: (policy: { staleAfterMs: number; forgetAfterMs: number }) => Promise<Opened<PresenceStore>>,
	createRoom: (roomId: string) => Promise<void> = async () => {}
): void {
	const roomId = async () => {
		const id = `presence-room-${++counter}-aaaaaaa`;
		await createRoom(id);
		return id;
	};
	describe(`PresenceStore contract: ${name}`, () => {
		const store = freshStore(() => open({ staleAfterMs: 30_000, forgetAfterMs: 600_000 }));

		test('participants appear in their own room only, sorted by name', async () => {
			const room = await roomId();
			await store().put(room, person('Zoe'));
			await store().put(room, person('Ada'));
			await store().put(await roomId(), person('Other'));
			expect((await store().list(room, NOW)).roster.map((p) => p.name)).toEqual(['Ada', 'Zoe']);
		});

		test('a put replaces the participant’s record', async () => {
			const room = await roomId();
			await store().put(room, person('Ada'));
			await store().put(room, { ...person('Ada'), status: 'away', roleId: 'speaker' });
			expect((await store().list(room, NOW)).roster).toEqual([
				{ ...person('Ada'), status: 'away', roleId: 'speaker' }
			]);
		});

		test('a participant whose heartbeat stopped is shown as gone, then forgotten', async () => {
			const room = await roomId();
			await store().put(room, person('Ada'));
			expect((await store().list(room, NOW + 31_000)).roster[0]?.status).toBe('gone');
			expect((await store().list(room, NOW + 600_001)).roster).toEqual([]);
			// Forgetting deletes: the record does not come back at an earlier time.
			expect((await store().list(room, NOW)).roster).toEqual([]);
		});

		test('an empty room has an empty roster', async () => {
			expect((await store().list(await roomId(), NOW)).roster).toEqual([]);
		});

		test('[S27] each write raises the room’s roster version, and a read leaves it', async () => {
			const room = await roomId();
			await store().put(room, person('Ada'));
			const first = (await store().list(room, NOW)).version;
			expect((await store().list(room, NOW)).version).toBe(first);
			await store().put(room, { ...person('Ada'), status: 'away' });
			const second = (await store().list(room, NOW)).version;
			expect(second).toBeGreaterThan(first);
			// Another room's write does not move it back.
			await store().put(await roomId(), person('Bo'));
			expect((await store().list(room, NOW)).version).toBeGreaterThanOrEqual(second);
		});

		test('[S27] a room whose presence was deleted goes on above the versions it had', async () => {
			const room = await roomId();
			await store().put(room, person('Ada'));
			await store().put(room, person('Ada'));
			const before = (await store().list(room, NOW)).version;
			await store().deleteRoom(room);
			await store().put(room, person('Ada'));
			expect((await store().list(room, NOW)).version).toBeGreaterThan(before);
		});

		test('deleting a room forgets everyone in it, and nobody elsewhere', async () => {
			const erased = await roomId();
			const kept = await roomId();
			await store().put(erased, person('Ada'));
			await store().put(kept, person('Bo'));
			await store().deleteRoom(erased);
			expect((await store().list(erased, NOW)).roster).toEqual([]);
			expect((await store().list(kept, NOW)).roster.map((p) => p.name)).toEqual(['Bo']);
		});
	});
}
