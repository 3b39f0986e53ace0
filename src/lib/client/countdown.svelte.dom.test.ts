import { flushSync } from 'svelte';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { TimerState } from '../protocol/control';
import { Countdown } from './countdown.svelte';
import { ServerClock } from './server-clock.svelte';

const MINUTE_MS = 60_000;
const T0 = Date.UTC(2026, 11, 7, 9, 0);
/** The server's clock is ten minutes ahead of this device's: the countdown goes by the server's. */
const AHEAD_MS = 10 * MINUTE_MS;

/** Five minutes, started a minute ago by the server's clock: four minutes left. */
const running: TimerState = {
	status: 'running',
	durationMs: 5 * MINUTE_MS,
	startedAt: T0 + AHEAD_MS - MINUTE_MS
};
const paused: TimerState = { status: 'paused', durationMs: 5 * MINUTE_MS, remainingMs: MINUTE_MS };
const idle: TimerState = { status: 'idle', durationMs: 5 * MINUTE_MS };

let clock: ServerClock;
let timer = $state<TimerState>(running);
let stopOwner: (() => void) | undefined;

/** A countdown made as a component makes it, and stopped as the component goes (`stopOwner`). */
function countdownWith(serverClock: () => ServerClock | undefined = () => clock): Countdown {
	let countdown: Countdown | undefined;
	stopOwner = $effect.root(() => {
		countdown = new Countdown(() => timer, serverClock);
	});
	flushSync();
	if (!countdown) throw new Error('the countdown was not made');
	return countdown;
}

/** Lets `ms` pass on this device, then runs what changed, as the screen would. */
async function pass(ms: number): Promise<void> {
	await vi.advanceTimersByTimeAsync(ms);
	flushSync();
}

beforeEach(() => {
	vi.useFakeTimers({ now: T0 });
	clock = new ServerClock(() => Promise.resolve(Date.now() + AHEAD_MS));
	timer = running;
});

afterEach(() => {
	stopOwner?.();
	stopOwner = undefined;
	clock.stop();
	vi.useRealTimers();
});

test('a running timer shows no time until the server clock’s first estimate, then the server’s time left at once', async () => {
	const countdown = countdownWith();
	expect(countdown.remaining).toBeUndefined();
	expect(countdown.finished).toBe(false);
	await clock.start();
	flushSync();
	// By this device's clock the timer would not have started yet, and show all five minutes.
	expect(countdown.remaining).toBe(4 * MINUTE_MS);
});

test('without a server clock, a running timer shows no time and nothing ticks', () => {
	const countdown = countdownWith(() => undefined);
	expect(countdown.remaining).toBeUndefined();
	expect(vi.getTimerCount()).toBe(0);
});

test('while the timer runs, what is left follows time passing, with nothing else changing', async () => {
	await clock.start();
	const countdown = countdownWith();
	await pass(1_000);
	expect(countdown.remaining).toBe(4 * MINUTE_MS - 1_000);
	await pass(50);
	expect(countdown.remaining).toBe(4 * MINUTE_MS - 1_050);
});

test('paused or idle, it shows the time the timer holds, before the clock syncs too, and does not tick', async () => {
	timer = paused;
	const countdown = countdownWith();
	expect(countdown.remaining).toBe(MINUTE_MS);
	await clock.start();
	// Only the server clock's own refresh is left to run.
	expect(vi.getTimerCount()).toBe(1);
	timer = idle;
	await pass(MINUTE_MS);
	expect(countdown.remaining).toBe(5 * MINUTE_MS);
	expect(countdown.finished).toBe(false);
	expect(vi.getTimerCount()).toBe(1);
	timer = running;
	flushSync();
	expect(vi.getTimerCount()).toBe(2);
});

test('at zero it is finished, and stays at zero', async () => {
	await clock.start();
	const countdown = countdownWith();
	await pass(4 * MINUTE_MS - 50);
	expect(countdown.finished).toBe(false);
	await pass(50);
	expect(countdown).toMatchObject({ remaining: 0, finished: true });
	await pass(MINUTE_MS);
	expect(countdown).toMatchObject({ remaining: 0, finished: true });
});

test('its ticks stop when its owner goes', async () => {
	await clock.start();
	countdownWith();
	expect(vi.getTimerCount()).toBe(2);
	stopOwner?.();
	stopOwner = undefined;
	expect(vi.getTimerCount()).toBe(1);
});
