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
 * socket.io round trips (protocol rule S6). The device's own wall clock is not used at all, so a
 * phone that is minutes wrong still counts down with everyone else; until the first answer the
 * time is simply unknown.
 */
export class ServerClock {
	/** Whether an estimate exists yet. */
	synced = $state(false);
	#offset: number | undefined;
	#samples: ClockSample[] = [];
	#timer: ReturnType<typeof setInterval> | undefined;
	/** Bumped by stop(), so a burst still running from an earlier start() gives up. */
	#generation = 0;

	constructor(private readonly ping: () => Promise<number>) {}

	/** Server time now, in ms since the epoch; undefined before the first estimate. */
	now(): number | undefined {
		return this.#offset === undefined ? undefined : performance.now() + this.#offset;
	}

	/** A burst of probes for a quick first estimate, then one probe every ten seconds. */
	async start(): Promise<void> {
		this.stop();
		const generation = this.#generation;
		for (let i = 0; i < BURST; i++) {
			await this.#probe();
			if (generation !== this.#generation) return;
		}
		this.#timer = setInterval(() => void this.#probe(), REFRESH_MS);
	}

	stop(): void {
		this.#generation++;
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
			this.synced = true;
		}
	}
}
