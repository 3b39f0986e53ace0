import type { TimerState } from '../protocol/control';
import { hasFinished, remainingMs } from '../room/timer';
import type { ServerClock } from './server-clock.svelte';
import { TickingClock } from './ticking-clock.svelte';

/** Often enough that a second boundary shows within a frame or two. */
const TICK_MS = 50;

/**
 * A timer's countdown on this screen: what is left by the server clock, ticking only while the
 * timer runs (and the clock is there to tell). Create it while a component initialises; it stops
 * with the component.
 */
export class Countdown {
	readonly #clock: TickingClock;

	constructor(
		private readonly timer: () => TimerState,
		clock: () => ServerClock | undefined
	) {
		this.#clock = new TickingClock(clock, TICK_MS, {
			active: () => this.timer().status === 'running'
		});
	}

	/** Undefined while a running timer waits for the first clock estimate. */
	get remaining(): number | undefined {
		const timer = this.timer();
		if (timer.status !== 'running') return remainingMs(timer, 0);
		const now = this.#clock.now;
		return now === undefined ? undefined : remainingMs(timer, now);
	}

	get finished(): boolean {
		const now = this.#clock.now;
		return now !== undefined && hasFinished(this.timer(), now);
	}
}
