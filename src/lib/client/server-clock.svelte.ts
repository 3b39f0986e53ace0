import {
	addSample,
	CLOCK_SAMPLE_LIMIT,
	estimateOffset,
	type ClockSample
} from '../room/clock-offset';

const BURST = 6;
const REFRESH_MS = 10_000;

/**
 * The server's clock as seen from this tab: an offset to `performance.now()`, estimated from
 * socket.io round trips. The device's own wall clock is never used, so a phone that is minutes
 * wrong still counts down with everyone else.
 */
export class ServerClock {
	/** Uncertainty of the current estimate in ms; undefined until the first answer. */
	uncertainty = $state<number | undefined>();
	#offset: number | undefined;
	#samples: ClockSample[] = [];
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(private readonly ping: () => Promise<number>) {}

	/** Server time now, in ms since the epoch. */
	now(): number {
		return this.#offset === undefined ? Date.now() : performance.now() + this.#offset;
	}

	/** A burst of probes for a quick first estimate, then one probe every few seconds. */
	async start(): Promise<void> {
		this.stop();
		for (let i = 0; i < BURST; i++) await this.#probe();
		this.#timer = setInterval(() => void this.#probe(), REFRESH_MS);
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}

	async #probe(): Promise<void> {
		const sentAt = performance.now();
		let serverTime: number;
		try {
			serverTime = await this.ping();
		} catch {
			return; // Disconnected: the estimate we have stays good.
		}
		const receivedAt = performance.now();
		this.#samples = addSample(
			this.#samples,
			{ sentAt, receivedAt, serverTime },
			CLOCK_SAMPLE_LIMIT
		);
		const estimate = estimateOffset(this.#samples);
		if (estimate) {
			this.#offset = estimate.offset;
			this.uncertainty = estimate.uncertainty;
		}
	}
}
