/**
 * One clock probe: the local monotonic time when the ping left and when its answer came back,
 * and the server's wall-clock time in the answer.
 */
export interface ClockSample {
	sentAt: number;
	receivedAt: number;
	serverTime: number;
}

export interface ClockEstimate {
	/** Add to a local monotonic time to get server time. */
	offset: number;
	/** The true offset is within this many ms of `offset`, if the clocks kept steady. */
	uncertainty: number;
}

/**
 * Estimates the offset from the local monotonic clock to the server clock.
 *
 * The server stamped each answer at some local moment between `sentAt` and `receivedAt`, so each
 * sample confines the offset to `[serverTime - receivedAt, serverTime - sentAt]`. Intersecting
 * all samples keeps the quick way up of one probe and the quick way down of another, which
 * beats any single sample when delays are lopsided. If the intervals do not meet (a clock
 * jumped), the sample with the shortest round trip decides alone, as in NTP.
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | undefined {
	const valid = samples.filter((sample) => sample.receivedAt >= sample.sentAt);
	if (valid.length === 0) return undefined;
	const low = Math.max(...valid.map((s) => s.serverTime - s.receivedAt));
	const high = Math.min(...valid.map((s) => s.serverTime - s.sentAt));
	if (low <= high) return { offset: (low + high) / 2, uncertainty: (high - low) / 2 };
	const quickest = valid.reduce((best, s) =>
		s.receivedAt - s.sentAt < best.receivedAt - best.sentAt ? s : best
	);
	return {
		offset: quickest.serverTime - (quickest.sentAt + quickest.receivedAt) / 2,
		uncertainty: (quickest.receivedAt - quickest.sentAt) / 2
	};
}

/** How many recent samples the browser keeps for its estimate. */
export const CLOCK_SAMPLE_LIMIT = 12;

/** Keeps the newest `limit` samples, so a drifting clock is followed rather than remembered. */
export function addSample(
	samples: readonly ClockSample[],
	sample: ClockSample,
	limit: number
): ClockSample[] {
	return [...samples, sample].slice(-limit);
}
