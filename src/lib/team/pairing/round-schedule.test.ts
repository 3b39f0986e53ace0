import { describe, expect, test } from 'vitest';
import { card } from '../../../../tests/support/pairing-pool';
import type { StoredCard, StoredPairing } from '../../protocol/pairing';
import { withNewRound } from './pairing-round';
import { roundDue, withCadence } from './round-schedule';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A Monday, 08:00 UTC. */
const MONDAY = Date.parse('2026-01-12T08:00Z');
const cards: StoredCard[] = ['ana', 'ben'].map((name) => ({
	cardId: `card-${name}-000000000000`,
	card: card({ name }),
	avoid: [],
	savedAt: 1
}));
const empty: StoredPairing = { cadence: 'none', rounds: [] };
const madeAt = (pairing: StoredPairing, now: number) => withNewRound(pairing, cards, now, []);

describe('the cadence schedule (TP3)', () => {
	test('a cadence calls for a round at once, then once its period has passed', () => {
		expect(roundDue(empty, MONDAY)).toBe(false);
		const weekly = withCadence(empty, 'weekly', MONDAY);
		expect(roundDue(weekly, MONDAY)).toBe(true);
		const made = madeAt(weekly, MONDAY);
		expect(roundDue(made, MONDAY + 7 * DAY - 1)).toBe(false);
		expect(roundDue(made, MONDAY + 7 * DAY)).toBe(true);
		expect(roundDue(withCadence(made, 'monthly', MONDAY), MONDAY + 29 * DAY)).toBe(false);
	});

	test('[TP3] weekly rounds made a little later each week stay due on Monday at the same time', () => {
		let pairing = madeAt(withCadence(empty, 'weekly', MONDAY), MONDAY);
		for (let week = 1; week <= 4; week++) {
			const due = MONDAY + week * 7 * DAY;
			expect(roundDue(pairing, due - 1), `week ${week}`).toBe(false);
			expect(roundDue(pairing, due), `week ${week}`).toBe(true);
			// Nobody looks until a few hours later: the round is made then.
			pairing = madeAt(pairing, due + week * 3 * HOUR);
		}
	});

	test('[TP3] a round made by hand early in the week leaves the schedule as it was', () => {
		const weekly = madeAt(withCadence(empty, 'weekly', MONDAY), MONDAY);
		const byHand = madeAt(weekly, MONDAY + 2 * DAY + 9 * HOUR);
		expect(roundDue(byHand, MONDAY + 7 * DAY - 1)).toBe(false);
		expect(roundDue(byHand, MONDAY + 7 * DAY)).toBe(true);
	});

	test('[TP3] a round made by hand shortly before a due time stands in for it', () => {
		const weekly = madeAt(withCadence(empty, 'weekly', MONDAY), MONDAY);
		const friday = madeAt(weekly, MONDAY + 4 * DAY + 9 * HOUR);
		expect(roundDue(friday, MONDAY + 7 * DAY)).toBe(false);
		expect(roundDue(friday, MONDAY + 14 * DAY - 1)).toBe(false);
		expect(roundDue(friday, MONDAY + 14 * DAY)).toBe(true);
	});

	test('[TP3] after due times nobody saw, one round catches up and the next falls on schedule', () => {
		const weekly = madeAt(withCadence(empty, 'weekly', MONDAY), MONDAY);
		const late = MONDAY + 23 * DAY + 5 * HOUR;
		expect(roundDue(weekly, late)).toBe(true);
		const caughtUp = madeAt(weekly, late);
		expect(roundDue(caughtUp, late + HOUR)).toBe(false);
		expect(roundDue(caughtUp, MONDAY + 28 * DAY - 1)).toBe(false);
		expect(roundDue(caughtUp, MONDAY + 28 * DAY)).toBe(true);
	});

	test('a cadence set soon after a round counts from it; set long after, it makes one at once', () => {
		const made = madeAt(empty, MONDAY);
		const soon = withCadence(made, 'weekly', MONDAY + 2 * DAY);
		expect(roundDue(soon, MONDAY + 2 * DAY)).toBe(false);
		expect(roundDue(soon, MONDAY + 7 * DAY)).toBe(true);
		const later = withCadence(made, 'weekly', MONDAY + 10 * DAY);
		expect(roundDue(later, MONDAY + 10 * DAY)).toBe(true);
		const next = madeAt(later, MONDAY + 10 * DAY + HOUR);
		expect(roundDue(next, MONDAY + 17 * DAY - 1)).toBe(false);
		expect(roundDue(next, MONDAY + 17 * DAY)).toBe(true);
	});

	test('changing the cadence keeps the schedule’s start; turning it off forgets it', () => {
		const weekly = madeAt(withCadence(empty, 'weekly', MONDAY), MONDAY);
		const fortnightly = withCadence(weekly, 'fortnightly', MONDAY + 3 * DAY);
		expect(fortnightly.cadenceStart).toBe(MONDAY);
		expect(roundDue(fortnightly, MONDAY + 14 * DAY - 1)).toBe(false);
		expect(roundDue(fortnightly, MONDAY + 14 * DAY)).toBe(true);
		expect(withCadence(fortnightly, 'fortnightly', MONDAY + 10 * DAY)).toBe(fortnightly);
		expect(withCadence(fortnightly, 'none', MONDAY + 10 * DAY).cadenceStart).toBeUndefined();
	});

	test('a record from before schedules counts from its last round, and keeps that schedule once a round is made', () => {
		const old: StoredPairing = { ...madeAt(empty, MONDAY), cadence: 'weekly' };
		expect(roundDue(old, MONDAY + 7 * DAY - 1)).toBe(false);
		expect(roundDue(old, MONDAY + 7 * DAY)).toBe(true);
		const made = madeAt(old, MONDAY + 7 * DAY + 5 * HOUR);
		expect(made.cadenceStart).toBe(MONDAY);
		expect(roundDue(made, MONDAY + 14 * DAY)).toBe(true);
	});
});
