import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { roomContextMap } from '$lib/client/room-context';
import { saveDeadlines } from '$lib/client/saved-calendar';
import { ServerClock } from '$lib/client/server-clock.svelte';
import { m } from '$lib/paraglide/messages';
import { asyncState, base, HOUR, playbook, T0 } from '$lib/room/async-schedule.fixture';
import AsyncTurns from './AsyncTurns.svelte';
import { person } from './room-controls.fixture';

const ROOM_ID = 'room-1';
const MINUTE_MS = 60_000;
/** Every turn taken early: the schedule is over while the file still plans deadlines. */
const over = { ...base, async: asyncState({ deadlineAt: null }) };
const ana = person('Ana');

/** A server clock that will say `aheadMs` more than this device's, once asked. */
const serverClock = (aheadMs = 0) => new ServerClock(() => Promise.resolve(Date.now() + aheadMs));

let clock: ServerClock | undefined;
let card: ReturnType<typeof mount> | undefined;

/** The turns card of the finished room, mounted with `clock`. */
function showCard() {
	if (!clock) throw new Error('the test makes its clock first');
	card = mount(AsyncTurns, {
		target: document.body,
		props: { playbook, roomId: ROOM_ID },
		context: roomContextMap({
			control: over,
			roster: [ana],
			selfId: ana.participantId,
			hosting: false,
			cutOff: false,
			kept: [],
			clock,
			command: () => Promise.resolve(true)
		})
	});
	flushSync();
}

const hintShown = () => document.body.textContent.includes(m.async_ics_left_over());

beforeEach(() => {
	vi.useFakeTimers({ now: T0 });
	localStorage.clear();
});

afterEach(() => {
	if (card) void unmount(card);
	card = undefined;
	clock?.stop();
	clock = undefined;
	vi.useRealTimers();
});

describe('the turns card follows time passing', () => {
	test('the hint about deadlines left over goes once the file’s last one has passed, with nothing else changing', async () => {
		saveDeadlines(ROOM_ID, [{ phaseIndex: 9, round: 0, at: T0 + 3 * MINUTE_MS }]);
		clock = serverClock();
		await clock.start();
		showCard();
		expect(hintShown()).toBe(true);

		await vi.advanceTimersByTimeAsync(MINUTE_MS);
		flushSync();
		expect(hintShown()).toBe(true);

		await vi.advanceTimersByTimeAsync(2 * MINUTE_MS);
		flushSync();
		expect(hintShown()).toBe(false);
	});

	test('the hint is read again by the server’s time as soon as the clock syncs', async () => {
		saveDeadlines(ROOM_ID, [{ phaseIndex: 9, round: 0, at: T0 + 30 * MINUTE_MS }]);
		// This device's clock is an hour behind: by it, the deadline is still to come.
		clock = serverClock(HOUR);
		showCard();
		expect(hintShown()).toBe(true);

		await clock.start();
		flushSync();
		expect(hintShown()).toBe(false);
	});

	test('the ticking stops with the card', async () => {
		clock = serverClock();
		await clock.start();
		clock.stop();
		showCard();
		expect(vi.getTimerCount()).toBe(1);
		if (card) await unmount(card);
		card = undefined;
		expect(vi.getTimerCount()).toBe(0);
	});
});
