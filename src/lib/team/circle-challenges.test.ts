import { describe, expect, test } from 'vitest';
import {
	BUILT_IN_CHALLENGES,
	builtInChallenge,
	monthOf,
	previousMonth,
	quarterStart
} from './circle-challenges';

const months = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => monthOf(Date.UTC(2026, from + i, 15)));

describe('the rotating challenge', () => {
	test('twelve months in a row show twelve different built-in challenges', () => {
		for (const team of ['AAAAAAAAAAAAAAAAAAAAAA', 'zz-_9aQwErTyUiOpAsDfGh']) {
			const seen = new Set(months(0, 12).map((month) => builtInChallenge(team, month)));
			expect(seen.size).toBe(Math.min(12, BUILT_IN_CHALLENGES.length));
		}
	});

	test('the same team and month always show the same challenge', () => {
		expect(builtInChallenge('team-a', '2026-05')).toBe(builtInChallenge('team-a', '2026-05'));
	});

	test('the month before January is the previous December', () => {
		expect(previousMonth('2026-01')).toBe('2025-12');
		expect(previousMonth('2026-10')).toBe('2026-09');
	});

	test('a month is the UTC month and a quarter starts on its first month’s first day', () => {
		expect(monthOf(Date.UTC(2026, 2, 31, 23, 59))).toBe('2026-03');
		expect(quarterStart(Date.UTC(2026, 4, 20))).toBe(Date.UTC(2026, 3, 1));
		expect(quarterStart(Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 0, 1));
	});
});
