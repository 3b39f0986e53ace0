import { describe, expect, test } from 'vitest';
import { defaultPlan } from './cadence';
import { calendarItemWords, practiceCalendar } from './cadence-calendar';
import { checkIn } from './journal.fixture';
import { sessionAt, utc } from './metrics.fixture';

/** Wednesday 18 March 2026, 12:00 UTC. */
const CTX = {
	timeZone: 'Europe/Berlin',
	now: utc('2026-03-18T12:00'),
	titleOf: (id: string) => `«${id}»`
};
const RANGE = { weeksBack: 1, weeksAhead: 1 };
const dayOf = (calendar: ReturnType<typeof practiceCalendar>, date: string) =>
	calendar.flat().find((day) => day.date === date);

describe('the practice calendar', () => {
	test('shows whole weeks, Monday first, around the current one', () => {
		const calendar = practiceCalendar([], undefined, CTX, RANGE);
		expect(calendar.map((week) => [week[0]?.date, week.length])).toEqual([
			['2026-03-09', 7],
			['2026-03-16', 7],
			['2026-03-23', 7]
		]);
		expect(dayOf(calendar, '2026-03-18')).toMatchObject({ today: true, past: false });
		expect(dayOf(calendar, '2026-03-17')).toMatchObject({ today: false, past: true });
	});

	test('past sessions on their local day', () => {
		// 23:30 UTC on Sunday 15 March is Monday 16 March in Berlin.
		const calendar = practiceCalendar([sessionAt(utc('2026-03-15T23:30'))], undefined, CTX, RANGE);
		expect(dayOf(calendar, '2026-03-16')?.items).toEqual([
			{ kind: 'practised', title: 'Active Listening Sprint', minutes: 20 }
		]);
		expect(dayOf(calendar, '2026-03-15')?.items).toEqual([]);
	});

	test('planned sessions from today on, none on days gone by', () => {
		const plan = {
			...defaultPlan('2026-03-03'),
			quickWins: { playbookId: 'five-minute-win', weekdays: [], time: '11:00' }
		};
		const calendar = practiceCalendar([], plan, CTX, RANGE);
		const planned = calendar
			.flat()
			.filter((day) => day.items.length > 0)
			.map((day) => day.date);
		// Deep dives every other Tuesday from 3 March: the 17th has passed, the 31st is beyond.
		expect(planned).toEqual([]);
		const wider = practiceCalendar([], plan, CTX, { weeksBack: 1, weeksAhead: 2 });
		expect(dayOf(wider, '2026-03-31')?.items).toEqual([
			{
				kind: 'deep-dive',
				title: '«active-listening-sprint»',
				time: '10:00',
				focusSkill: 'listening'
			}
		]);
	});

	test('follow-ups on the day of the commitment, marked once answered', () => {
		// Due at midnight starting Saturday 21 March in Berlin: the commitment was for Friday.
		const due = { ...checkIn, dueAt: utc('2026-03-20T23:00') };
		const calendar = practiceCalendar(
			[due, { ...due, id: 'answered', answeredAt: 1 }],
			undefined,
			CTX,
			RANGE
		);
		expect(dayOf(calendar, '2026-03-20')?.items).toEqual([
			{
				kind: 'follow-up',
				subject: 'commitment',
				title: 'Ask one open question',
				answered: false
			},
			{ kind: 'follow-up', subject: 'commitment', title: 'Ask one open question', answered: true }
		]);
	});
});

describe('calendar items in words', () => {
	test('each kind has its own symbol, so nothing depends on colour', () => {
		const words = [
			calendarItemWords({ kind: 'practised', title: 'Sprint', minutes: 20 }),
			calendarItemWords({ kind: 'deep-dive', title: 'Sprint', time: '10:00', focusSkill: 'trust' }),
			calendarItemWords({ kind: 'quick-win', title: 'Win', time: '11:00', focusSkill: null }),
			calendarItemWords({
				kind: 'follow-up',
				subject: 'commitment',
				title: 'ask',
				answered: false
			}),
			calendarItemWords({
				kind: 'follow-up',
				subject: 'feedback-conversation',
				title: 'ask',
				answered: true
			})
		];
		expect(words.map((w) => w.text)).toEqual([
			'Practised: Sprint (20 min)',
			'10:00 Sprint · focus: trust',
			'11:00 Five-minute win: Win',
			'Commitment: ask',
			'Feedback conversation: ask'
		]);
		expect(new Set(words.map((w) => w.symbol)).size).toBe(5);
	});
});
