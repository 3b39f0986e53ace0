import { describe, expect, test } from 'vitest';
import { pulse } from './journal.fixture';
import {
	confidenceBySkill,
	practiceTotals,
	ratingsOverTime,
	sessionsOf,
	weeklyPractice
} from './metrics';
import { feedbackCheckIn, reflectionAt, sessionAt, utc } from './metrics.fixture';

const BERLIN = { timeZone: 'Europe/Berlin', now: utc('2026-03-18T12:00') };

describe('sessions per week', () => {
	test('weeks with no sessions are there as zero weeks', () => {
		const weeks = weeklyPractice(
			[sessionAt(utc('2026-02-24T09:00')), sessionAt(utc('2026-03-17T09:00'))],
			BERLIN,
			4
		);
		expect(weeks.map((w) => [w.week, w.sessions])).toEqual([
			['2026-02-23', 1],
			['2026-03-02', 0],
			['2026-03-09', 0],
			['2026-03-16', 1]
		]);
	});

	test('an empty journal gives only zero weeks, up to the current one', () => {
		const weeks = weeklyPractice([], BERLIN, 3);
		expect(weeks.map((w) => w.week)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
		expect(weeks.every((w) => w.sessions === 0 && w.minutes === 0)).toBe(true);
	});

	test('a session belongs to the week it was in the person’s time zone', () => {
		const sundayNightUtc = [sessionAt(utc('2026-03-15T23:30'))];
		const inBerlin = weeklyPractice(sundayNightUtc, BERLIN, 2);
		const inUtc = weeklyPractice(sundayNightUtc, { ...BERLIN, timeZone: 'UTC' }, 2);
		expect(inBerlin.map((w) => w.sessions)).toEqual([0, 1]);
		expect(inUtc.map((w) => w.sessions)).toEqual([1, 0]);
	});

	test('sessions after now or before the window are left out', () => {
		const weeks = weeklyPractice(
			[sessionAt(utc('2026-01-05T09:00')), sessionAt(utc('2026-04-01T09:00'))],
			BERLIN,
			4
		);
		expect(weeks.reduce((sum, w) => sum + w.sessions, 0)).toBe(0);
	});

	test('count minutes, paraphrases, skills and feedback conversations held per week', () => {
		const [week] = weeklyPractice(
			[
				sessionAt(utc('2026-03-16T09:00'), { durationMs: 25 * 60_000, paraphrasesWritten: 3 }),
				sessionAt(utc('2026-03-17T09:00'), {
					durationMs: 5 * 60_000,
					paraphrasesWritten: 0,
					skills: ['feedback']
				}),
				// Planned for Tuesday 17 March: due at the midnight after, in Berlin.
				feedbackCheckIn(utc('2026-03-17T23:00'), true),
				feedbackCheckIn(utc('2026-03-17T23:00'), false)
			],
			BERLIN,
			1
		);
		expect(week).toEqual({
			week: '2026-03-16',
			sessions: 2,
			minutes: 30,
			paraphrases: 3,
			feedbackHeld: 1,
			skills: { listening: 1, empathy: 1, feedback: 1 }
		});
	});

	test('two reflections on one session count it once', () => {
		const first = sessionAt(utc('2026-03-16T09:00'));
		const again = { ...first, id: 'another-reflection', createdAt: first.createdAt + 1 };
		expect(sessionsOf([again, first])).toHaveLength(1);
		expect(weeklyPractice([first, again], BERLIN, 1)[0]?.sessions).toBe(1);
	});
});

describe('trend lines', () => {
	test('ratings received: the average of each session with ratings, oldest first', () => {
		const points = ratingsOverTime(
			[
				sessionAt(utc('2026-03-10T09:00'), { ratingsReceived: [5, 4] }),
				sessionAt(utc('2026-03-03T09:00'), { ratingsReceived: [3] }),
				sessionAt(utc('2026-03-12T09:00'), { ratingsReceived: [] })
			],
			'Europe/Berlin'
		);
		expect(points.map((p) => [p.date, p.value])).toEqual([
			['2026-03-03', 3],
			['2026-03-10', 4.5]
		]);
	});

	test('confidence over time, one line per skill, dated by the session or the writing', () => {
		const lines = confidenceBySkill(
			[
				reflectionAt(utc('2026-03-05T09:00'), 'listening', 4),
				{ ...sessionAt(utc('2026-03-01T09:00')), skill: 'listening', confidence: 2 },
				reflectionAt(utc('2026-03-04T09:00'), 'feedback', 3),
				pulse
			],
			'UTC'
		);
		expect(lines).toEqual([
			{
				skill: 'feedback',
				points: [{ at: utc('2026-03-04T09:00'), date: '2026-03-04', value: 3 }]
			},
			{
				skill: 'listening',
				points: [
					{ at: utc('2026-03-01T09:00'), date: '2026-03-01', value: 2 },
					{ at: utc('2026-03-05T09:00'), date: '2026-03-05', value: 4 }
				]
			}
		]);
	});

	test('totals over the whole journal', () => {
		expect(
			practiceTotals([
				sessionAt(utc('2026-01-05T09:00'), { paraphrasesWritten: 2 }),
				sessionAt(utc('2026-03-05T09:00'), { paraphrasesWritten: 1 }),
				feedbackCheckIn(utc('2026-03-06T00:00'), true)
			])
		).toEqual({ sessions: 2, minutes: 40, paraphrases: 3, feedbackHeld: 1 });
	});
});
