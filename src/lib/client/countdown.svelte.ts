import type { TimerState } from '../protocol/control';
import { hasFinished, remainingMs } from '../room/timer';
import type { ServerClock } from './server-clock.svelte';

/** Often enough that a second boundary shows within a frame or two. */
const TICK_MS = 50;

/**
 * A timer's countdown on this screen: what is left by the server clock, ticking only while the
 * timer runs (and the clock is there to tell). Create it while a component initialises; it stops
 * with the component.
 */
export class Countdown {
	#now = $state<number | undefined>();

	constructor(
		private readonly timer: () => TimerState,
		clock: () => ServerClock | undefined
	) {
		$effect(() => {
			const current = clock();
			if (this.timer().status !== 'running' || !current) return;
			const tick = () => (this.#now = current.now());
			tick();
			const interval = setInterval(tick, TICK_MS);
			return () => clearInterval(interval);
		});
	}

	/** Undefined while a running timer waits for the first clock estimate. */
	get remaining(): number | undefined {
		const timer = this.timer();
		if (timer.status !== 'running') return remainingMs(timer, 0);
		return this.#now === undefined ? undefined : remainingMs(timer, this.#now);
	}

	get finished(): boolean {
		return this.#now !== undefined && hasFinished(this.timer(), this.#now);
	}
}
