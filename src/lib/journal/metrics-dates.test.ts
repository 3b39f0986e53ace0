import { describe, expect, test } from 'vitest';
import {
	addDays,
	daysBetween,
	lastWeeks,
	localDateKey,
	localWeekKey,
	weekOf,
	weekdayOf,
	weeksFrom
} from './metrics-dates';

const utc = (dateTime: string) => Date.parse(`${dateTime}Z`);

describe('dates in a time zone', () => {
	test('a moment is on the date it was where the person is', () => {
		const lateSundayUtc = utc('2026-03-01T23:30');
		expect(localDateKey(lateSundayUtc, 'UTC')).toBe('2026-03-01');
		expect(localDateKey(lateSundayUtc, 'Europe/Berlin')).toBe('2026-03-02');
		expect(localDateKey(lateSundayUtc, 'America/Los_Angeles')).toBe('2026-03-01');
		expect(localDateKey(lateSundayUtc, 'Pacific/Kiritimati')).toBe('2026-03-02');
	});

	test('so the same moment can fall in another week in another zone', () => {
		const lateSundayUtc = utc('2026-03-01T23:30');
		expect(localWeekKey(lateSundayUtc, 'UTC')).toBe('2026-02-23');
		expect(localWeekKey(lateSundayUtc, 'Europe/Berlin')).toBe('2026-03-02');
	});

	test('weeks start on Monday, across a daylight saving change', () => {
		// Europe/Berlin moves its clocks forward on Sunday 29 March 2026.
		expect(localWeekKey(utc('2026-03-29T22:30'), 'Europe/Berlin')).toBe('2026-03-30');
		expect(localWeekKey(utc('2026-03-29T21:30'), 'Europe/Berlin')).toBe('2026-03-23');
		expect(weekOf('2026-03-30')).toBe('2026-03-30');
		expect(weekOf('2026-04-05')).toBe('2026-03-30');
	});
});

describe('date arithmetic', () => {
	test('adds days across months, years and leap days', () => {
		expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
		expect(daysBetween('2026-03-01', '2026-03-29')).toBe(28);
	});

	test('weekdays count from Monday', () => {
		expect(weekdayOf('2026-03-02')).toBe(0);
		expect(weekdayOf('2026-03-08')).toBe(6);
	});

	test('lists weeks in order, none when the range is empty', () => {
		expect(weeksFrom('2026-02-23', '2026-03-09')).toEqual([
			'2026-02-23',
			'2026-03-02',
			'2026-03-09'
		]);
		expect(weeksFrom('2026-03-09', '2026-03-02')).toEqual([]);
		expect(lastWeeks('2026-03-09', 2)).toEqual(['2026-03-02', '2026-03-09']);
	});
});
