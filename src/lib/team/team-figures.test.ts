import { describe, expect, test } from 'vitest';
import type { StoredShare, WeekCounts } from '../protocol/team';
import { teamFigures } from './team-figures';

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
			share(week('2026-03-02', 1))
		]);
		expect(figures.weeks).toEqual([
			{ week: '2026-03-02', sessions: 3, minutes: 90 },
			{ week: '2026-03-09', sessions: 1, minutes: 30 }
		]);
		expect(figures.totals).toEqual({ sessions: 4, minutes: 120 });
	});

	test('weeks nobody practised between shared weeks count as zero weeks', () => {
		const figures = teamFigures([share(week('2026-03-02', 1)), share(week('2026-03-23', 2))]);
		expect(figures.weeks.map((w) => [w.week, w.sessions])).toEqual([
			['2026-03-02', 1],
			['2026-03-09', 0],
			['2026-03-16', 0],
			['2026-03-23', 2]
		]);
	});

	test('skills are summed over members, most practised first, unpractised ones left out', () => {
		const figures = teamFigures([
			share(week('2026-03-02', 2, { feedback: 1, listening: 1 })),
			share(week('2026-03-02', 2, { listening: 2, trust: 0 }))
		]);
		expect(figures.skills).toEqual([
			{ skill: 'listening', sessions: 3 },
			{ skill: 'feedback', sessions: 1 }
		]);
	});

	test('only the latest 26 weeks are kept when shares reach further apart', () => {
		const figures = teamFigures([share(week('2025-01-06', 5)), share(week('2026-03-02', 1))]);
		expect(figures.weeks).toHaveLength(26);
		expect(figures.weeks.at(-1)?.week).toBe('2026-03-02');
		expect(figures.totals.sessions).toBe(1);
	});

	test('no shared weeks give empty figures', () => {
		expect(teamFigures([share(), share()])).toEqual({
			totals: { sessions: 0, minutes: 0 },
			weeks: [],
			skills: []
		});
	});
});
