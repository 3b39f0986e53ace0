import { describe, expect, test } from 'vitest';
import type { StoredShare, WeekCounts } from '../protocol/team';
import { contributorCount, coveredWeeks, futureWeeks, teamFigures } from './team-figures';

const week = (
	weekKey: string,
	sessions: number,
	skills: WeekCounts['skills'] = {}
): WeekCounts => ({
	week: weekKey,
	sessions,
	minutes: sessions * 30,
	skills
});
const share = (...weeks: WeekCounts[]): StoredShare => ({ sharedAt: 0, weeks });

describe('team figures', () => {
	test('sum each week over members and total the weeks', () => {
		const figures = teamFigures([
			share(week('2026-03-02', 2), week('2026-03-09', 1)),
			share(week('2026-03-02', 1), week('2026-03-09', 2)),
			share(week('2026-03-02', 1), week('2026-03-09', 1))
		]);
		expect(figures.weeks).toEqual([
			{ week: '2026-03-02', sessions: 4, minutes: 120 },
			{ week: '2026-03-09', sessions: 4, minutes: 120 }
		]);
		expect(figures.totals).toEqual({ sessions: 8, minutes: 240 });
	});

	test('a week fewer than three members practised in is hidden, and left out of the totals', () => {
		const figures = teamFigures([
			share(week('2026-03-02', 2), week('2026-03-09', 5)),
			share(week('2026-03-02', 1), week('2026-03-09', 0)),
			share(week('2026-03-02', 1))
		]);
		expect(figures.weeks).toEqual([
			{ week: '2026-03-02', sessions: 4, minutes: 120 },
			{ week: '2026-03-09', sessions: null, minutes: null }
		]);
		expect(figures.totals).toEqual({ sessions: 4, minutes: 120 });
	});

	test('weeks between practised weeks are covered, hidden when nobody practised', () => {
		const three = (w: string) => [share(week(w, 1)), share(week(w, 1)), share(week(w, 1))];
		const figures = teamFigures([...three('2026-03-02'), ...three('2026-03-23')]);
		expect(figures.weeks.map((w) => [w.week, w.sessions])).toEqual([
			['2026-03-02', 3],
			['2026-03-09', null],
			['2026-03-16', null],
			['2026-03-23', 3]
		]);
	});

	test('skills are summed over members, most practised first, and listed only when three practised them', () => {
		const figures = teamFigures([
			share(week('2026-03-02', 2, { feedback: 4, listening: 1 })),
			share(week('2026-03-02', 2, { listening: 2, trust: 0 })),
			share(week('2026-03-02', 2, { listening: 1, feedback: 1 }))
		]);
		expect(figures.skills).toEqual([{ skill: 'listening', sessions: 4 }]);
	});

	test('skills of hidden weeks are not counted', () => {
		const figures = teamFigures([
			share(week('2026-03-02', 1, { listening: 1 }), week('2026-03-09', 3, { listening: 3 })),
			share(week('2026-03-02', 1, { listening: 1 })),
			share(week('2026-03-02', 1, { listening: 1 }))
		]);
		expect(figures.skills).toEqual([{ skill: 'listening', sessions: 3 }]);
	});

	test('only the latest 26 weeks are kept when shares reach further apart', () => {
		const figures = teamFigures([
			share(week('2025-01-06', 5)),
			share(week('2026-03-02', 1)),
			share(week('2026-03-02', 1)),
			share(week('2026-03-02', 1))
		]);
		expect(figures.weeks).toHaveLength(26);
		expect(figures.weeks.at(-1)?.week).toBe('2026-03-02');
		expect(figures.totals.sessions).toBe(3);
	});

	test('no shared weeks give empty figures', () => {
		expect(teamFigures([share(), share()])).toEqual({
			totals: { sessions: 0, minutes: 0 },
			weeks: [],
			skills: []
		});
	});
});

describe('contributors', () => {
	test('only shares with practice in the covered weeks count', () => {
		const real = share(week('2026-03-02', 2));
		const empty = share(week('2026-03-02', 0), week('2026-03-09', 0));
		expect(contributorCount([real, empty, share()])).toBe(1);
		expect(contributorCount([real, share(week('2026-03-09', 1))])).toBe(2);
	});

	test('weeks shared with zeros do not stretch the covered weeks', () => {
		const real = share(week('2026-03-02', 2));
		expect(coveredWeeks([real, share(week('2027-06-07', 0))])).toEqual(['2026-03-02']);
	});

	test('practice older than the covered weeks does not count', () => {
		const old = share(week('2025-01-06', 5));
		const recent = share(week('2026-03-02', 1));
		expect(contributorCount([old, recent])).toBe(1);
	});
});

describe('future weeks', () => {
	// Sunday 2026-03-08, 10:30 UTC: already Monday 2026-03-09 00:30 at UTC+14.
	const now = Date.parse('2026-03-08T10:30:00Z');

	test('the current week anywhere on Earth may be shared, a later one may not', () => {
		expect(futureWeeks(['2026-03-02', '2026-03-09', '2026-03-16'], now)).toEqual(['2026-03-16']);
		expect(futureWeeks(['2026-03-09'], Date.parse('2026-03-08T09:30:00Z'))).toEqual(['2026-03-09']);
	});
});
