import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { DeadlineClock } from './deadline-clock';
import { tell, type TurnEvents } from './turn-events';

beforeEach(() => vi.useFakeTimers({ now: 1_000 }));
afterEach(() => vi.useRealTimers());

function clock() {
	const woke: string[] = [];
	const deadlines = new DeadlineClock({
		now: () => Date.now(),
		wake: async (roomId) => {
			woke.push(roomId);
		},
		failed: () => undefined
	});
	return { deadlines, woke };
}

test('[A10] wakes for a room at the server time asked, not before', async () => {
	const { deadlines, woke } = clock();
	deadlines.arm('room-a', 61_000);
	await vi.advanceTimersByTimeAsync(59_999);
	expect(woke).toEqual([]);
	await vi.advanceTimersByTimeAsync(1);
	expect(woke).toEqual(['room-a']);
	expect(deadlines.armed).toBe(0);
});

test('[A10] arming again replaces the room’s timer, and undefined disarms it', async () => {
	const { deadlines, woke } = clock();
	deadlines.arm('room-a', 10_000);
	deadlines.arm('room-a', 20_000);
	await vi.advanceTimersByTimeAsync(10_000);
	expect(woke).toEqual([]);
	deadlines.arm('room-a', undefined);
	await vi.advanceTimersByTimeAsync(60_000);
	expect(woke).toEqual([]);
});

test('[A10] a deadline already past wakes at once; one beyond setTimeout’s range is reached in steps', async () => {
	const { deadlines, woke } = clock();
	deadlines.arm('late', 0);
	const month = 31 * 24 * 3_600_000;
	deadlines.arm('far', 1_000 + month);
	await vi.advanceTimersByTimeAsync(0);
	expect(woke).toEqual(['late']);
	await vi.advanceTimersByTimeAsync(month - 1);
	expect(woke).toEqual(['late']);
	await vi.advanceTimersByTimeAsync(1);
	expect(woke).toEqual(['late', 'far']);
});

test('[A9] each schedule event reaches its hook with the room', async () => {
	const heard: unknown[] = [];
	const events: TurnEvents = {
		onTurnStarted: (...args) => void heard.push(['started', ...args]),
		onTurnMoved: (...args) => void heard.push(['moved', ...args]),
		onDeadlineNear: (...args) => void heard.push(['near', ...args])
	};
	await tell(events, 'room-a', { type: 'turn-started', phaseIndex: 1, personIds: ['ana'] });
	await tell(events, 'room-a', {
		type: 'deadline-near',
		phaseIndex: 2,
		personIds: ['ben'],
		deadlineAt: 5
	});
	await tell(events, 'room-a', {
		type: 'turn-moved',
		phaseIndex: 1,
		personIds: ['ben'],
		toNames: ['Ana'],
		reason: 'place-taken'
	});
	expect(heard).toEqual([
		['started', 'room-a', 1, ['ana']],
		['near', 'room-a', 2, ['ben'], 5],
		['moved', 'room-a', 1, ['ben'], { toNames: ['Ana'], reason: 'place-taken' }]
	]);
});
