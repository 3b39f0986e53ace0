import { describe, expect, test, vi } from 'vitest';
import {
	everyonesIntervals,
	intersect,
	minutesIn,
	sharedHours,
	usualSharedWeek,
	workingIntervals
} from './working-hours';
import { instantOf, offsetAt } from './zoned-time';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const weekdays = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const spansOf = (intervals: { start: number; end: number }[]) =>
	intervals.map(({ start, end }) => `${iso(start)}–${iso(end).slice(11)}`);

describe('zone offsets from Intl', () => {
	test('Berlin is an hour ahead in winter and two in summer', () => {
		expect(offsetAt(at('2026-01-15T12:00Z'), 'Europe/Berlin')).toBe(3_600_000);
		expect(offsetAt(at('2026-07-15T12:00Z'), 'Europe/Berlin')).toBe(7_200_000);
	});

	test('a wall time skipped in spring is read as the same distance after the change', () => {
		// Berlin jumps from 02:00 to 03:00 on 29 March 2026.
		expect(iso(instantOf('Europe/Berlin', { year: 2026, month: 3, day: 29 }, 150))).toBe(
			'2026-03-29T01:30'
		);
	});

	test('a wall time that happens twice in autumn is its first occurrence', () => {
		// Berlin goes back from 03:00 to 02:00 on 25 October 2026: 02:30 is first at 00:30 UTC.
		expect(iso(instantOf('Europe/Berlin', { year: 2026, month: 10, day: 25 }, 150))).toBe(
			'2026-10-25T00:30'
		);
	});
});

describe('working hours as instants', () => {
	test('a week of weekdays in New York is five stretches at 14:00 UTC in winter', () => {
		const intervals = workingIntervals(weekdays, 'America/New_York', at('2026-01-12T00:00Z'));
		expect(intervals.map((i) => iso(i.start))).toEqual([
			'2026-01-12T14:00',
			'2026-01-13T14:00',
			'2026-01-14T14:00',
			'2026-01-15T14:00',
			'2026-01-16T14:00'
		]);
		expect(minutesIn(intervals)).toBe(5 * 8 * 60);
	});

	test('hours keep their wall-clock time across a daylight-saving change mid-week', () => {
		// New York moves its clocks on Sunday 8 March 2026; Berlin not until 29 March.
		const intervals = workingIntervals(weekdays, 'America/New_York', at('2026-03-06T00:00Z'));
		expect(intervals.map((i) => iso(i.start))).toEqual([
			'2026-03-06T14:00',
			'2026-03-09T13:00',
			'2026-03-10T13:00',
			'2026-03-11T13:00',
			'2026-03-12T13:00'
		]);
	});

	test('overlap across zones grows when one zone changes its clocks and the other has not', () => {
		const overlapIn = (from: string) =>
			minutesIn(
				intersect(
					workingIntervals(weekdays, 'America/New_York', at(from)),
					workingIntervals(weekdays, 'Europe/Berlin', at(from))
				)
			);
		// Winter: Berlin's 17:00 is 11:00 in New York, two hours of overlap a day.
		expect(overlapIn('2026-01-12T00:00Z')).toBe(5 * 120);
		// Between the two changes New York is only five hours behind: three hours a day.
		expect(overlapIn('2026-03-16T00:00Z')).toBe(5 * 180);
	});

	test('a zone a day ahead of UTC keeps its Monday at the start of the week', () => {
		const intervals = workingIntervals(
			{ days: [1], start: '09:00', end: '10:00' },
			'Pacific/Auckland',
			at('2026-01-11T00:00Z')
		);
		// Monday 12 January 09:00 in Auckland (UTC+13) is Sunday 20:00 UTC.
		expect(intervals.map((i) => iso(i.start))).toEqual(['2026-01-11T20:00']);
	});

	test('intersect keeps only the shared stretches', () => {
		const a = [
			{ start: 0, end: 10 },
			{ start: 20, end: 30 }
		];
		const b = [{ start: 5, end: 25 }];
		expect(intersect(a, b)).toEqual([
			{ start: 5, end: 10 },
			{ start: 20, end: 25 }
		]);
	});

	describe('the usual shared week', () => {
		const berlin = { hours: { ...weekdays, start: '15:00', end: '17:00' }, zone: 'Europe/Berlin' };
		const newYork = { hours: { ...weekdays, end: '11:00' }, zone: 'America/New_York' };
		const spans = (intervals: { start: number; end: number }[]) =>
			intervals.map(({ start, end }) => `${iso(start)}–${iso(end).slice(11)}`);

		test('counted in the middle of a shared stretch, that stretch is whole and the week holds no cut piece', () => {
			// Monday 7 December 2026, 14:30 UTC: half an hour into Monday's 14:00–16:00 UTC.
			const from = at('2026-12-07T14:30Z');
			expect(spans(sharedHours([berlin, newYork], from))[0]).toBe('2026-12-07T14:30–16:00');
			expect(spans(usualSharedWeek([berlin, newYork], from))).toEqual([
				'2026-12-07T14:00–16:00',
				'2026-12-08T14:00–16:00',
				'2026-12-09T14:00–16:00',
				'2026-12-10T14:00–16:00',
				'2026-12-11T14:00–16:00'
			]);
		});

		test('counted outside every shared stretch, it is the week from that moment', () => {
			const from = at('2026-12-07T09:00Z');
			expect(usualSharedWeek([berlin, newYork], from)).toEqual(
				sharedHours([berlin, newYork], from)
			);
		});
	});

	test('someone working round the clock does not cut another’s day at their midnight', () => {
		const roundTheClock = { hours: { ...weekdays, start: '00:00', end: '24:00' }, zone: 'UTC' };
		// Tokyo's 08:00–17:00 is 23:00–08:00 UTC: it must not split at UTC midnight (09:00 there).
		const tokyoEarly = { hours: { ...weekdays, start: '08:00' }, zone: 'Asia/Tokyo' };
		expect(spansOf(sharedHours([tokyoEarly, roundTheClock], at('2026-12-07T12:00Z')))[0]).toBe(
			'2026-12-07T23:00–08:00'
		);
	});
});

describe('placing a pool’s working hours', () => {
	const pool = Array.from({ length: 20 }, () => ({ hours: weekdays, zone: 'Europe/Berlin' }));
	// The week Berlin's clocks change.
	const from = at('2026-03-23T00:00Z');
	/** How many times `work` reads a wall clock from Intl: the costly part. */
	const intlReads = (work: () => void): number => {
		const reads = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
		try {
			work();
			return reads.mock.calls.length;
		} finally {
			reads.mockRestore();
		}
	};

	test('places a date and hour once for everyone sharing it, and afresh for the next pool', () => {
		const forOne = intlReads(() => everyonesIntervals(pool.slice(0, 1), from));
		const forAll = intlReads(() => everyonesIntervals(pool, from));
		// Each person's first date is read once more; their hours are already placed.
		expect(forAll).toBe(forOne + pool.length - 1);
		// Nothing is kept from one pool to the next.
		expect(intlReads(() => everyonesIntervals(pool, from))).toBe(forAll);
		expect(everyonesIntervals(pool, from)).toEqual(
			pool.map(({ hours, zone }) => workingIntervals(hours, zone, from))
		);
	});
});
