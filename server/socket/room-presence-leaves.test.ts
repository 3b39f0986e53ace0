import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { presencePolicy } from '../../src/lib/room/presence';
import { createMemoryPresenceStore } from '../presence/memory-presence-store';
import type { PresenceStore } from '../presence/presence-store';
import type { LoadedRoom } from '../rooms/loaded-room';
import type { RoomPresence } from './room-presence';
import { fakeSocket, participant, roomPresence } from './room-presence.fixture';
import type { RoomServer } from './socket-types';

/**
 * A store whose operations take effect when called, in the order called (as Redis runs the
 * commands of one connection), but whose answers wait while `held`: other events act meanwhile.
 */
function withHeldAnswers(store: PresenceStore) {
	let held = false;
	const waiting: (() => void)[] = [];
	/** The operations asked of the store, in order. */
	const asked: (keyof PresenceStore)[] = [];
	const answered = <T>(operation: keyof PresenceStore, result: Promise<T>): Promise<T> => {
		asked.push(operation);
		return held ? new Promise((resolve) => waiting.push(() => resolve(result))) : result;
	};
	return {
		store: {
			put: (roomId, participant) => answered('put', store.put(roomId, participant)),
			list: (roomId, now) => answered('list', store.list(roomId, now)),
			deleteRoom: (roomId) => answered('deleteRoom', store.deleteRoom(roomId))
		} satisfies PresenceStore,
		asked,
		hold() {
			held = true;
		},
		/** Answers what waits, in order, letting each answer's follow-up run before the next. */
		async answer() {
			held = false;
			for (let next = waiting.shift(); next; next = waiting.shift()) {
				next();
				await turns();
			}
		}
	};
}

/** Lets every pending promise callback and I/O callback run. */
const turns = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RoomPresence with one person in two tabs (docs/protocol.md S2)', () => {
	// Heartbeats rarer than the grace: none repairs what a leave or the grace's end wrote wrong.
	const BEAT_MS = 60_000;
	const GRACE_MS = 10_000;
	const ROOM = 'room-a';
	let now = 0;
	let held: ReturnType<typeof withHeldAnswers>;
	let presence: RoomPresence;
	let settled: number;
	/** The events sent to rooms' channels, in order. */
	let sent: string[];
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
		now = 1_000_000;
		settled = 0;
		sent = [];
		held = withHeldAnswers(createMemoryPresenceStore(presencePolicy(BEAT_MS)));
		presence = presenceWithGrace(GRACE_MS);
	});
	/** This instance's presence over the held store, with a leave grace of `leaveGraceMs`. */
	const presenceWithGrace = (leaveGraceMs: number) => {
		const io = { to: () => ({ emit: (event: string) => sent.push(event) }) };
		return roomPresence({
			// reason: a fake of the parts of the server that RoomPresence uses.
			io: io as unknown as RoomServer,
			presence: held.store,
			now: () => now,
			heartbeatMs: BEAT_MS,
			leaveGraceMs,
			settle: async () => void settled++
		});
	};
	afterEach(() => {
		presence.close();
		vi.useRealTimers();
	});

	const lease = {
		room: { control: { read: () => ({ removed: [] }) } } as unknown as LoadedRoom,
		release: () => {}
	};
	/** Ann opens the room in one more tab (a new socket). */
	const openTab = async () => {
		const socket = fakeSocket();
		now += 1;
		await presence.admit(socket, {
			roomId: ROOM,
			participant: participant('ann', 'connected'),
			lease
		});
		return socket;
	};
	const annIs = async () =>
		(await presence.roster(ROOM)).roster.find((p) => p.participantId === 'ann')?.status;
	/** Lets the time go by, timers included. */
	const pass = async (ms: number) => {
		now += ms;
		await vi.advanceTimersByTimeAsync(ms);
	};

	test('[S2] one tab closing while the other hides leaves them away, then the last closing drops them, then they are gone', async () => {
		const [first, second] = [await openTab(), await openTab()];
		held.hold();
		const hiding = presence.setVisible(second, false);
		const closing = presence.leave(first);
		await held.answer();
		await Promise.all([hiding, closing]);
		expect(await annIs()).toBe('away');

		await presence.leave(second);
		expect(await annIs()).toBe('dropped');
		await pass(GRACE_MS);
		expect(await annIs()).toBe('gone');
	});

	test('[S2] both tabs closing at once drop them, and they are gone after the grace, never back', async () => {
		const [first, second] = [await openTab(), await openTab()];
		held.hold();
		const closing = [presence.leave(first), presence.leave(second)];
		await held.answer();
		await Promise.all(closing);
		expect(await annIs()).toBe('dropped');
		await pass(GRACE_MS);
		expect(await annIs()).toBe('gone');
		await pass(BEAT_MS * 3);
		expect(await annIs()).toBe('gone');
		// The room stopped waiting for them once.
		expect(settled).toBe(1);
	});

	test('[S2, S3] a tab that reconnects while its old connection’s leave waits on the store stays connected, through the grace', async () => {
		const old = await openTab();
		held.hold();
		const leaving = presence.leave(old);
		await turns();
		const back = openTab();
		await turns();
		await held.answer();
		await Promise.all([leaving, back]);
		expect(await annIs()).toBe('connected');
		await pass(GRACE_MS);
		expect(await annIs()).toBe('connected');
	});

	test('[S2, S3] a tab that comes back just as the leave grace ends stays connected', async () => {
		await presence.leave(await openTab());
		await pass(GRACE_MS - 1);
		held.hold();
		await pass(1);
		const back = openTab();
		await turns();
		await held.answer();
		await back;
		expect(await annIs()).toBe('connected');
	});

	test('[S2] a heartbeat under way as the last tab closes does not bring them back', async () => {
		const tab = await openTab();
		held.hold();
		await pass(BEAT_MS);
		const closing = presence.leave(tab);
		await turns();
		await held.answer();
		await closing;
		expect(await annIs()).toBe('dropped');
		await pass(GRACE_MS);
		expect(await annIs()).toBe('gone');
	});

	test('[S18] a room erased during someone’s leave grace is let go of whole: the grace ends without a word', async () => {
		await presence.leave(await openTab());
		expect(await annIs()).toBe('dropped');
		const before = { sent: sent.length, asked: held.asked.length };
		presence.letGo(ROOM);
		await pass(GRACE_MS + BEAT_MS);
		// No roster sent to the erased room, no presence read or written, no room settled.
		expect(sent.length).toBe(before.sent);
		expect(held.asked.length).toBe(before.asked);
		expect(settled).toBe(0);
	});

	test.each([
		['before its socket has left the room’s channels', async () => {}],
		['while its write waits on the store', turns]
	])(
		'[S18] a room erased during a leave %s is let go of whole: no grace, roster or write follows',
		async (_when, meanwhile) => {
			const tab = await openTab();
			held.hold();
			const leaving = presence.leave(tab);
			await meanwhile();
			const before = { sent: sent.length, asked: held.asked.length };
			presence.letGo(ROOM);
			await held.answer();
			await leaving;
			await pass(GRACE_MS + BEAT_MS);
			expect(sent.length).toBe(before.sent);
			expect(held.asked.length).toBe(before.asked);
			expect(settled).toBe(0);
		}
	);

	test('[S20] someone the host removed is marked gone under the name and role the room has, without reading the roster first', async () => {
		await openTab();
		const before = held.asked.length;
		now += 1;
		await presence.markGone(ROOM, 'ann', { name: 'Ann as the room knows her', roleId: 'coach' });
		expect(held.asked.slice(before)).toEqual(['put', 'list']);
		expect((await presence.roster(ROOM)).roster).toEqual([
			{
				participantId: 'ann',
				name: 'Ann as the room knows her',
				roleId: 'coach',
				status: 'gone',
				seenAt: now
			}
		]);
	});

	test('[S2, S20] someone removed during their leave grace stays gone through the heartbeats that follow', async () => {
		presence.close();
		presence = presenceWithGrace(5 * BEAT_MS);
		await presence.leave(await openTab());
		await presence.markGone(ROOM, 'ann', { name: 'ann', roleId: 'player' });
		await pass(BEAT_MS);
		expect(await annIs()).toBe('gone');
		await pass(5 * BEAT_MS);
		expect(await annIs()).toBe('gone');
		expect(settled).toBe(0);
	});

	test('[S2, S8] a leave grace longer than four heartbeats keeps them dropped to its end', async () => {
		presence.close();
		const graceMs = 5 * BEAT_MS;
		presence = presenceWithGrace(graceMs);
		await presence.leave(await openTab());
		await pass(graceMs - 1);
		expect(await annIs()).toBe('dropped');
		await pass(1);
		expect(await annIs()).toBe('gone');
	});
});
