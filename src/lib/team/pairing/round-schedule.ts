import type { Cadence, StoredPairing } from '../../protocol/pairing';
import { assertNever } from '../../assert-never';
import { DAY_MS } from '../../time-units';

/** How long a cadence waits between rounds; a month is counted as 30 days. */
export function cadenceMs(cadence: Exclude<Cadence, 'none'>): number {
	switch (cadence) {
		case 'weekly':
			return 7 * DAY_MS;
		case 'fortnightly':
			return 14 * DAY_MS;
		case 'monthly':
			return 30 * DAY_MS;
		default:
			return assertNever(cadence);
	}
}

/**
 * Where the schedule of `pairing`'s cadence starts. A record from before schedules had a start
 * counts from its last round, as it then did; with no round yet, from `now`.
 */
export function scheduleStart(pairing: StoredPairing, now: number): number {
	return pairing.cadenceStart ?? pairing.rounds.at(-1)?.madeAt ?? now;
}

/**
 * Whether the space's cadence calls for a round at `now`: at once when it has none yet, else
 * when no round was made since half a period before the latest due time. Due times lie a whole
 * number of periods from the schedule's start, never from when a round was actually made, so
 * rounds made late do not push the next ones later, and after several missed due times one
 * round catches up and the next falls on schedule again. A round made by hand in the half period
 * before a due time stands in for it: pairs made on Friday are not reshuffled on Monday.
 */
export function roundDue(pairing: StoredPairing, now: number): boolean {
	if (pairing.cadence === 'none') return false;
	const last = pairing.rounds.at(-1);
	if (!last) return true;
	const start = scheduleStart(pairing, now);
	const period = cadenceMs(pairing.cadence);
	const latestDue = start + Math.floor((now - start) / period) * period;
	return last.madeAt < latestDue - period / 2;
}

/**
 * The pairing with `cadence` set at `now`. A schedule already running keeps its start, so
 * changing weekly to fortnightly keeps the weekday; a new one starts at the last round when that
 * is within one period (the next round is then a period after it), else now (a round at once).
 */
export function withCadence(pairing: StoredPairing, cadence: Cadence, now: number): StoredPairing {
	if (cadence === pairing.cadence) return pairing;
	if (cadence === 'none') return { ...pairing, cadence, cadenceStart: undefined };
	const last = pairing.rounds.at(-1)?.madeAt;
	const fresh = last !== undefined && now - last < cadenceMs(cadence) ? last : now;
	const cadenceStart = pairing.cadence === 'none' ? fresh : scheduleStart(pairing, now);
	return { ...pairing, cadence, cadenceStart };
}
