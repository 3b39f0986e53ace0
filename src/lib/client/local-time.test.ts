import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromLocalInputValue, momentFormat, toLocalInputValue } from './local-time';

const HOUR = 3_600_000;
const zoneBefore = process.env.TZ;

// A zone with daylight saving, so the tests mean the same on every machine.
beforeAll(() => {
	process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
	process.env.TZ = zoneBefore;
});

describe('datetime-local values', () => {
	test('are read as the wall clock of this device’s time zone', () => {
		expect(fromLocalInputValue('2026-07-01T09:30')).toBe(Date.UTC(2026, 6, 1, 7, 30));
		expect(fromLocalInputValue('2026-12-01T09:30')).toBe(Date.UTC(2026, 11, 1, 8, 30));
		expect(toLocalInputValue(Date.UTC(2026, 6, 1, 7, 30))).toBe('2026-07-01T09:30');
	});

	test('round-trip every minute across a day with a daylight-saving change', () => {
		const start = Date.UTC(2026, 9, 24, 12, 0);
		for (let ms = start; ms < start + 30 * HOUR; ms += 7 * 60_000) {
			const value = toLocalInputValue(ms);
			// In the hour the clocks repeat, a wall-clock time names its first occurrence.
			const repeated = value.startsWith('2026-10-25T02:') && ms >= Date.UTC(2026, 9, 25, 1, 0);
			expect(fromLocalInputValue(value)).toBe(repeated ? ms - HOUR : ms);
		}
	});

	test('drop seconds when shown and keep them when given', () => {
		const at = Date.UTC(2026, 6, 1, 7, 30);
		expect(toLocalInputValue(at + 59_999)).toBe('2026-07-01T09:30');
		expect(fromLocalInputValue('2026-07-01T09:30:15')).toBe(at + 15_000);
		expect(fromLocalInputValue('2026-07-01T09:30:15.5')).toBe(at + 15_500);
	});

	test('a time skipped when the clocks go forward reads as the time they jumped to', () => {
		expect(fromLocalInputValue('2026-03-29T02:30')).toBe(Date.UTC(2026, 2, 29, 1, 30));
	});

	test('blank, malformed or impossible values are not a time', () => {
		for (const value of [
			'',
			'tomorrow',
			'2026-07-01',
			'2026-07-01 09:30',
			'2026-02-30T10:00',
			'2026-13-01T10:00',
			'2026-07-01T24:00',
			'2026-07-01T09:60'
		]) {
			expect(fromLocalInputValue(value), value).toBeNaN();
		}
	});
});

describe('moments for people', () => {
	const moment = Date.UTC(2026, 10, 22, 9, 0);

	test('read in the person’s language and time zone', () => {
		expect(momentFormat('de', 'Europe/Berlin')(moment)).toBe('22.11.2026, 10:00');
		expect(momentFormat('es', 'America/Mexico_City')(moment)).toBe('22 nov 2026, 3:00');
		// Before AM/PM, a space or a narrow no-break space, by the ICU version.
		expect(momentFormat('en', 'Europe/Berlin')(moment)).toMatch(/^Nov 22, 2026, 10:00\sAM$/);
	});

	test('in this device’s time zone unless told', () => {
		expect(momentFormat('de')(moment)).toBe('22.11.2026, 10:00');
	});
});
