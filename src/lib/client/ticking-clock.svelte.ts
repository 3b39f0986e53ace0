import type { ServerClock } from './server-clock.svelte';

/** When the ticks run and what `now` is before the clock's first estimate. */
export interface TickingOptions {
	/** Ticks only while this holds (a countdown: while its timer runs); always by default. */
	active?: () => boolean;
	/**
	 * The time before the server clock's first estimate: undefined by default, as a countdown
	 * waits for the server; a hint may take the device's own (`Date.now`).
	 */
	beforeSync?: () => number | undefined;
}

/**
 * The server's clock read afresh every `everyMs`, and at once when it first syncs: a `$derived`
 * or a template that reads `now` follows time passing, with nothing else changing. Create it
 * while a component initialises; it stops with the component.
 */
export class TickingClock {
	#now = $state<number | undefined>();

	constructor(clock: () => ServerClock | undefined, everyMs: number, options: TickingOptions = {}) {
		const { active = () => true, beforeSync = () => undefined } = options;
		const read = (current: ServerClock | undefined) => current?.now() ?? beforeSync();
		this.#now = read(clock());
		$effect(() => {
			const current = clock();
			if (!current || !active()) return;
			// reason: read so that this runs again, and reads the clock, when the first estimate lands.
			void current.synced;
			const tick = () => (this.#now = read(current));
			tick();
			const interval = setInterval(tick, everyMs);
			return () => clearInterval(interval);
		});
	}

	/** Server time at the last tick, in ms since the epoch (`beforeSync()` until the first estimate). */
	get now(): number | undefined {
		return this.#now;
	}
}
