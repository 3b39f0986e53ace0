import { describe, expect, test } from 'vitest';
import { card } from '../../../../tests/support/pairing-pool';
import type { StoredCard, StoredPairing } from '../../protocol/pairing';
import { withNewRound } from './pairing-round';
import { roundDue, withCadence } from './round-schedule';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A Monday, 08:00 UTC. */
const MONDAY = Date.parse('2026-01-12T08:00Z');
/** The Friday after MONDAY, 17:00 UTC. */
const FRIDAY = MONDAY + 4 * DAY + 9 * HOUR;
const WEEK = 7 * DAY;
const cards: StoredCard[] = ['ana', 'ben'].map((name) => ({
	cardId: `card-${name}-000000000000`,
	card: card({ name }),
	avoid: [],
	savedAt: 1
}));
const empty: StoredPairing = { cadence: 'none', rounds: [] };
/** Someone presses Make pairs at `now`. */
const byHand = (pairing: StoredPairing, now: number) =>
	withNewRound(pairing, cards, now, [], 'hand');
/** Someone opens the page at `now`: the cadence makes a round when one is due, as the server does. */
const visit = (pairing: StoredPairing, now: number) =>
	roundDue(pairing, now) ? withNewRound(pairing, cards, now, [], 'cadence') : pairing;
const weeklyFromMonday = () => visit(withCadence(empty, 'weekly', MONDAY), MONDAY);

describe('the cadence schedule (TP3)', () => {
	test('a cadence calls for a round at once, then once its period has passed', () => {
		expect(roundDue(empty, MONDAY)).toBe(false);
		const weekly = withCadence(empty, 'weekly', MONDAY);
		expect(roundDue(weekly, MONDAY)).toBe(true);
		const made = visit(weekly, MONDAY);
		expect(roundDue(made, MONDAY + WEEK - 1)).toBe(false);
		expect(roundDue(made, MONDAY + WEEK)).toBe(true);
		expect(roundDue(withCadence(made, 'monthly', MONDAY), MONDAY + 29 * DAY)).toBe(false);
	});

	test('[TP3] weekly rounds made a little later each week stay due on Monday at the same time', () => {
		let pairing = weeklyFromMonday();
		for (let week = 1; week <= 4; week++) {
			const due = MONDAY + week * WEEK;
			expect(roundDue(pairing, due - 1), `week ${week}`).toBe(false);
			expect(roundDue(pairing, due), `week ${week}`).toBe(true);
			// Nobody looks until a few hours later: the round is made then.
			pairing = visit(pairing, due + week * 3 * HOUR);
		}
	});

	test('[TP3] a team that only looks on Fridays gets a round every Friday of a schedule started on Monday', () => {
		let pairing = weeklyFromMonday();
		expect(visit(pairing, FRIDAY)).toBe(pairing);
		for (let week = 1; week <= 4; week++) {
			const friday = FRIDAY + week * WEEK;
			expect(roundDue(pairing, friday), `week ${week}`).toBe(true);
			pairing = visit(pairing, friday);
			expect(pairing.rounds, `week ${week}`).toHaveLength(week + 1);
		}
	});

	test('[TP3] a round made by hand on Tuesday leaves the schedule as it was', () => {
		const tuesday = byHand(weeklyFromMonday(), MONDAY + DAY + 9 * HOUR);
		expect(roundDue(tuesday, MONDAY + WEEK - 1)).toBe(false);
		expect(roundDue(tuesday, MONDAY + WEEK)).toBe(true);
	});

	test('[TP3] a round made by hand on Friday stands in for Monday’s, once the last Monday was answered', () => {
		const friday = byHand(weeklyFromMonday(), FRIDAY);
		expect(roundDue(friday, MONDAY + WEEK)).toBe(false);
		expect(roundDue(friday, MONDAY + 2 * WEEK - 1)).toBe(false);
		expect(roundDue(friday, MONDAY + 2 * WEEK)).toBe(true);
		// A page left open since last week: Make pairs answers the Monday nobody saw, not the next.
		const stale = byHand(weeklyFromMonday(), FRIDAY + WEEK);
		expect(roundDue(stale, FRIDAY + WEEK)).toBe(false);
		expect(roundDue(stale, MONDAY + 2 * WEEK)).toBe(true);
	});

	test('[TP3] after due times nobody saw, one round catches up and the next falls on schedule', () => {
		const weekly = weeklyFromMonday();
		// Three Mondays missed; someone looks on the Friday after the third.
		const late = FRIDAY + 3 * WEEK;
		const caughtUp = visit(weekly, late);
		expect(caughtUp.rounds).toHaveLength(2);
		expect(roundDue(caughtUp, late + HOUR)).toBe(false);
		expect(roundDue(caughtUp, MONDAY + 4 * WEEK - 1)).toBe(false);
		expect(roundDue(caughtUp, MONDAY + 4 * WEEK)).toBe(true);
	});

	test('a cadence set soon after a round counts from it; set long after, it makes one at once', () => {
		const made = byHand(empty, MONDAY);
		const soon = withCadence(made, 'weekly', MONDAY + 2 * DAY);
		expect(roundDue(soon, MONDAY + 2 * DAY)).toBe(false);
		expect(roundDue(soon, MONDAY + WEEK)).toBe(true);
		const later = withCadence(made, 'weekly', MONDAY + 10 * DAY);
		expect(roundDue(later, MONDAY + 10 * DAY)).toBe(true);
		const next = visit(later, MONDAY + 10 * DAY + HOUR);
		expect(roundDue(next, MONDAY + 17 * DAY - 1)).toBe(false);
		expect(roundDue(next, MONDAY + 17 * DAY)).toBe(true);
	});

	test('[TP3] weekly → fortnightly the day after a round: the next round is two weeks after that round’s due time', () => {
		const twoWeeks = visit(weeklyFromMonday(), MONDAY + WEEK + 2 * HOUR);
		const fortnightly = withCadence(twoWeeks, 'fortnightly', MONDAY + WEEK + DAY);
		expect(fortnightly.cadenceStart).toBe(MONDAY + WEEK);
		expect(roundDue(fortnightly, MONDAY + 3 * WEEK - 1)).toBe(false);
		expect(roundDue(fortnightly, MONDAY + 3 * WEEK)).toBe(true);
		const then = visit(fortnightly, MONDAY + 3 * WEEK);
		expect(roundDue(then, MONDAY + 5 * WEEK - 1)).toBe(false);
		expect(roundDue(then, MONDAY + 5 * WEEK)).toBe(true);
		// A Friday round by hand that stood in for Monday still does after the switch.
		const friday = byHand(weeklyFromMonday(), FRIDAY);
		const switched = withCadence(friday, 'fortnightly', FRIDAY + DAY);
		expect(roundDue(switched, MONDAY + 3 * WEEK - 1)).toBe(false);
		expect(roundDue(switched, MONDAY + 3 * WEEK)).toBe(true);
	});

	test('setting the same cadence changes nothing; turning it off forgets the schedule', () => {
		const fortnightly = withCadence(weeklyFromMonday(), 'fortnightly', MONDAY + 3 * DAY);
		expect(withCadence(fortnightly, 'fortnightly', MONDAY + 10 * DAY)).toBe(fortnightly);
		const off = withCadence(fortnightly, 'none', MONDAY + 10 * DAY);
		expect(off.cadenceStart).toBeUndefined();
		expect(off.answeredDue).toBeUndefined();
		expect(roundDue(off, MONDAY + 3 * WEEK)).toBe(false);
	});

	test('a record from before schedules counts from its last round, and keeps that schedule once a round is made', () => {
		const old: StoredPairing = { ...byHand(empty, MONDAY), cadence: 'weekly' };
		expect(roundDue(old, MONDAY + WEEK - 1)).toBe(false);
		expect(roundDue(old, MONDAY + WEEK)).toBe(true);
		const made = visit(old, MONDAY + WEEK + 5 * HOUR);
		expect(made.cadenceStart).toBe(MONDAY);
		expect(roundDue(made, MONDAY + 2 * WEEK)).toBe(true);
	});

	test('a record from before answered due times counts those up to its last round as answered', () => {
		const old: StoredPairing = { ...weeklyFromMonday(), answeredDue: undefined };
		expect(roundDue(old, MONDAY + WEEK - 1)).toBe(false);
		expect(roundDue(old, MONDAY + WEEK)).toBe(true);
	});
});
