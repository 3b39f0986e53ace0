import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Participant } from '../../src/lib/protocol/presence';
import { presencePolicy } from '../../src/lib/room/presence';
import { log } from '../log';
import { createMemoryPresenceStore } from '../presence/memory-presence-store';
import type { LoadedRoom } from '../rooms/loaded-room';
import { fakeSocket, nowhere, participant, roomPresence } from './room-presence.fixture';
import type { RoomServer } from './socket-types';

const HEARTBEAT_MS = 1_000;

describe('RoomPresence heartbeat', () => {
	let now = 0;
	beforeEach(() => {
		vi.useFakeTimers();
		now = 1_000_000;
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});

	test('writes one record per person from all their tabs, for several people and rooms', async () => {
		const store = createMemoryPresenceStore(presencePolicy(HEARTBEAT_MS));
		const presence = roomPresence({
			presence: store,
			now: () => now,
			heartbeatMs: HEARTBEAT_MS,
			leaveGraceMs: 60_000
		});
		const lease = { room: {} as LoadedRoom, release: () => {} };
		const join = (roomId: string, who: Participant) =>
			presence.admit(fakeSocket(), { roomId, participant: who, lease });
		// Ann: hidden then shown tab; Bo: two hidden tabs; Cy: one shown tab;
		// Ann again in another room with one hidden tab, under her latest name there.
		await join('room-a', participant('ann', 'away'));
		await join('room-a', participant('bo', 'away'));
		await join('room-a', participant('ann', 'connected'));
		await join('room-a', participant('cy', 'connected'));
		await join('room-a', { ...participant('bo', 'away'), name: 'Bo renamed' });
		await join('room-b', participant('ann', 'away'));
		expect(presence.connectedPeople).toBe(4);

		// Records overwritten meanwhile (as a tab hiding as it closes once did): the beat restores them.
		for (const roomId of ['room-a', 'room-b'])
			for (const id of ['ann', 'bo', 'cy'])
				await store.put(roomId, { ...participant(id, 'away'), name: 'stale', seenAt: 1 });
		now += HEARTBEAT_MS;
		await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);

		expect((await store.list('room-a', now)).roster).toEqual([
			{ ...participant('ann', 'connected'), seenAt: now },
			{ ...participant('bo', 'away'), name: 'Bo renamed', seenAt: now },
			{ ...participant('cy', 'connected'), seenAt: now }
		]);
		expect((await store.list('room-b', now)).roster).toEqual([
			{ ...participant('ann', 'away'), seenAt: now },
			// Nobody here has Bo or Cy in room-b: the beat leaves their records as they are.
			{ ...participant('bo', 'away'), name: 'stale', seenAt: 1, status: 'gone' },
			{ ...participant('cy', 'away'), name: 'stale', seenAt: 1, status: 'gone' }
		]);
		presence.close();
	});
	test('a failure of the watchers’ roster refresh is logged, not left to stop the process', async () => {
		const warn = vi.spyOn(log.socket, 'warn').mockImplementation(() => {});
		const presence = roomPresence({
			// The adapter's channels, which the refresh reads, cannot be read.
			io: {
				...nowhere,
				of: () => {
					throw new Error('adapter down');
				}
			} as unknown as RoomServer,
			presence: createMemoryPresenceStore(presencePolicy(HEARTBEAT_MS)),
			now: () => now,
			heartbeatMs: HEARTBEAT_MS,
			leaveGraceMs: 60_000
		});
		presence.follow('room-a');
		await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
		expect(warn).toHaveBeenCalledWith(
			expect.objectContaining({ roomId: 'room-a' }),
			'roster refresh failed'
		);
		presence.close();
	});
});
