import { describe, expect, test } from 'vitest';
import { noun } from '$lib/plural';
import { trendSentence, weeksSentence } from './metrics-words';

describe('charts in words', () => {
	test('weeks: total, weeks with some, the busiest', () => {
		expect(
			weeksSentence(
				[
					{ week: '2026-03-02', value: 1 },
					{ week: '2026-03-09', value: 0 },
					{ week: '2026-03-16', value: 3 }
				],
				noun('session')
			)
		).toBe('4 sessions in the last 3 weeks, in 2 weeks; the most, 3, in the week of 16 Mar.');
	});

	test('a single one is counted in the singular', () => {
		expect(weeksSentence([{ week: '2026-03-02', value: 1 }], noun('session'))).toBe(
			'1 session in the last 1 week, in 1 week; the most, 1, in the week of 2 Mar.'
		);
	});

	test('empty weeks say so kindly', () => {
		expect(weeksSentence([{ week: '2026-03-02', value: 0 }], noun('minute'))).toBe(
			'None in the last 1 week yet.'
		);
	});

	test('trend lines: count, span, first and latest', () => {
		const point = (date: string, value: number) => ({ at: Date.parse(date), date, value });
		expect(trendSentence([point('2026-03-03', 3), point('2026-03-17', 4.5)], 'ratings')).toBe(
			'2 ratings from 3 Mar to 17 Mar: first 3, latest 4.5.'
		);
		expect(trendSentence([point('2026-03-03', 3)], 'ratings')).toBe('One rating: 3 on 3 Mar.');
		expect(trendSentence([], 'ratings')).toBe('No ratings yet.');
	});
});
