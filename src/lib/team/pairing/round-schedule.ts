import type { Cadence, StoredPairing } from '../../protocol/pairing';
import { assertNever } from '../../assert-never';
import { DAY_MS } from '../../time-units';

/** Who made a round: someone pressing Make pairs, or the cadence on the first read when due. */
export type RoundMaker = 'hand' | 'cadence';

/** A pairing whose rounds follow a cadence. */
type CadencedPairing = StoredPairing & { cadence: Exclude<Cadence, 'none'> };

const hasCadence = (pairing: StoredPairing): pairing is CadencedPairing =>
	pairing.cadence !== 'none';

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

/** The latest due time at or before `at`: due times lie a whole number of periods from `start`. */
function dueAtOrBefore(start: number, period: number, at: number): number {
	return start + Math.floor((at - start) / period) * period;
}

/**
 * The latest due time a round has answered, if any. A record from before `answeredDue` counts
 * every due time up to its last round as answered, as it then did.
 */
function lastAnswered(pairing: StoredPairing, start: number, period: number): number | undefined {
	if (pairing.answeredDue !== undefined) return pairing.answeredDue;
	const madeAt = pairing.rounds.at(-1)?.madeAt;
	return madeAt === undefined || madeAt < start ? undefined : dueAtOrBefore(start, period, madeAt);
}

/**
 * Whether the space's cadence calls for a round at `now`: at once when it has none yet, else
 * when the latest due time is later than the last one a round answered. Which due time a round
 * answers is written down when it is made (`dueAnsweredBy`), never guessed from when it was
 * made, so a round made days late answers only the due time it was late for.
 */
export function roundDue(pairing: StoredPairing, now: number): boolean {
	if (pairing.cadence === 'none') return false;
	const start = scheduleStart(pairing, now);
	const period = cadenceMs(pairing.cadence);
	const answered = lastAnswered(pairing, start, period);
	return answered === undefined || dueAtOrBefore(start, period, now) > answered;
}

/**
 * The due time a round made at `now` by `madeBy` answers. The cadence's round answers the latest
 * due time, however late it comes, so after several missed ones the next is on schedule again.
 * A round made by hand once the latest is answered stands in for the next when that is at most
 * half a period away (pairs made on Friday are not reshuffled on Monday); otherwise it answers
 * the latest, and the next one still makes a round. What was answered never moves back.
 */
function dueAnsweredBy(pairing: CadencedPairing, now: number, madeBy: RoundMaker): number {
	const start = scheduleStart(pairing, now);
	const period = cadenceMs(pairing.cadence);
	const latest = dueAtOrBefore(start, period, now);
	const answered = lastAnswered(pairing, start, period);
	if (answered === undefined || answered < latest) return latest;
	const next = latest + period;
	return madeBy === 'hand' && next - now <= period / 2 ? Math.max(answered, next) : answered;
}

/**
 * The schedule to store with a round made at `now` by `madeBy`: under a cadence its start (so a
 * record from before schedules had one stops counting from its latest round) and the due time
 * the round answers; nothing without a cadence.
 */
export function scheduleAfterRound(
	pairing: StoredPairing,
	now: number,
	madeBy: RoundMaker
): Pick<StoredPairing, 'cadenceStart' | 'answeredDue'> {
	if (!hasCadence(pairing)) return {};
	return {
		cadenceStart: scheduleStart(pairing, now),
		answeredDue: dueAnsweredBy(pairing, now, madeBy)
	};
}

/**
 * The pairing with `cadence` set at `now`. A new schedule starts at the last round when that is
 * within one period (the round answers that start, so the next is a period after it), else now
 * (a round at once). Changing one cadence for another restarts the schedule at the last due time
 * answered, keeping its weekday and time: weekly → fortnightly the day after Monday's round next
 * makes one two weeks after that Monday. `none` forgets the schedule.
 */
export function withCadence(pairing: StoredPairing, cadence: Cadence, now: number): StoredPairing {
	if (cadence === pairing.cadence) return pairing;
	if (cadence === 'none') {
		return { ...pairing, cadence, cadenceStart: undefined, answeredDue: undefined };
	}
	if (pairing.cadence === 'none') {
		const last = pairing.rounds.at(-1)?.madeAt;
		const recent = last !== undefined && now - last < cadenceMs(cadence);
		return recent
			? { ...pairing, cadence, cadenceStart: last, answeredDue: last }
			: { ...pairing, cadence, cadenceStart: now, answeredDue: undefined };
	}
	const start = scheduleStart(pairing, now);
	const answered = lastAnswered(pairing, start, cadenceMs(pairing.cadence));
	return { ...pairing, cadence, cadenceStart: answered ?? start, answeredDue: answered };
}
