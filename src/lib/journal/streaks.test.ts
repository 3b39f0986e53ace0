import { describe, expect, test } from 'vitest';
import { feedbackCheckIn, sessionAt, utc } from './metrics.fixture';
import { rhythmOf, rhythmWords } from './streaks';

/** Wednesday 18 March 2026: the current week starts on Monday 16 March. */
const CTX = { timeZone: 'Europe/Berlin', now: utc('2026-03-18T12:00') };
/** A session on the Tuesday of the week starting `monday`. */
const inWeekOf = (monday: string) => sessionAt(utc(`${monday}T09:00`) + 86_400_000);

describe('the rhythm of practice', () => {
	test('counts the weeks practised among the last eight, and the runs', () => {
		const rhythm = rhythmOf(
			['2026-01-12', '2026-01-26', '2026-02-02', '2026-02-09', '2026-03-02', '2026-03-09'].map(
				inWeekOf
			),
			CTX
		);
		expect(rhythm).toEqual({
			activeWeeks: 5,
			window: 8,
			weeksPractised: 6,
			longestRun: 3,
			currentRun: 2
		});
	});

	test('a week not practised yet does not break the run before it is over', () => {
		const lastTwoWeeks = ['2026-03-02', '2026-03-09'].map(inWeekOf);
		expect(rhythmOf(lastTwoWeeks, CTX).currentRun).toBe(2);
		expect(rhythmOf([...lastTwoWeeks, inWeekOf('2026-03-16')], CTX).currentRun).toBe(3);
	});

	test('a quiet stretch lowers the count gently and keeps the longest run', () => {
		const rhythm = rhythmOf(
			['2025-11-03', '2025-11-10', '2025-11-17', '2025-11-24'].map(inWeekOf),
			CTX
		);
		expect(rhythm).toMatchObject({
			activeWeeks: 0,
			currentRun: 0,
			longestRun: 4,
			weeksPractised: 4
		});
	});

	test('several sessions in one week count as one week', () => {
		const rhythm = rhythmOf(
			[sessionAt(utc('2026-03-16T09:00')), sessionAt(utc('2026-03-17T09:00'))],
			CTX
		);
		expect(rhythm).toMatchObject({ activeWeeks: 1, weeksPractised: 1, currentRun: 1 });
	});

	test('weeks follow the person’s time zone', () => {
		// Sunday 15 March 23:30 UTC is Monday 16 March in Berlin: this week there, last week in UTC.
		const sessions = [sessionAt(utc('2026-03-15T23:30'))];
		expect(rhythmOf(sessions, CTX).currentRun).toBe(1);
		expect(rhythmOf(sessions, { ...CTX, timeZone: 'UTC' }).currentRun).toBe(1);
		expect(rhythmOf([...sessions, inWeekOf('2026-03-16')], CTX).longestRun).toBe(1);
		expect(
			rhythmOf([...sessions, inWeekOf('2026-03-16')], { ...CTX, timeZone: 'UTC' }).longestRun
		).toBe(2);
	});

	test('only sessions count: follow-ups alone are no week of practice', () => {
		expect(rhythmOf([feedbackCheckIn(utc('2026-03-17T00:00'), true)], CTX).weeksPractised).toBe(0);
	});
});

describe('the rhythm in words', () => {
	test('celebrates what happened and never speaks of a broken streak', () => {
		expect(
			rhythmWords({ activeWeeks: 5, window: 8, weeksPractised: 9, longestRun: 4, currentRun: 2 })
		).toEqual([
			'You practised in 5 of the last 8 weeks.',
			'2 weeks in a row, and counting.',
			'Your longest rhythm so far: 4 weeks in a row.'
		]);
	});

	test('after a quiet stretch it counts what was done', () => {
		const words = rhythmWords({
			activeWeeks: 0,
			window: 8,
			weeksPractised: 4,
			longestRun: 4,
			currentRun: 0
		});
		expect(words[0]).toBe(
			'You have practised in 4 weeks so far. Pick it up again whenever suits you.'
		);
		expect(words.join(' ')).not.toMatch(/\b0\b|lost|broke|missed/);
	});

	test('an empty journal is a beginning', () => {
		expect(
			rhythmWords({ activeWeeks: 0, window: 8, weeksPractised: 0, longestRun: 0, currentRun: 0 })
		).toEqual(['Your first session starts your rhythm.']);
	});
});
