import { assertNever } from '../assert-never';
import { plannedPractice, type CadencePlan } from './cadence';
import { skillName } from '$lib/i18n/facet-names';
import { m } from '$lib/paraglide/messages';
import type { Skill } from '$lib/protocol/playbook-facets';
import type { CheckInEntry, CheckInSubject, JournalEntry } from './entry';
import { addDays, lastWeeks, localDateKey, localWeekKey } from './metrics-dates';
import { sessionsOf, type MetricsContext } from './metrics';

/** Something on a day of the practice calendar. */
export type CalendarItem =
	| { kind: 'practised'; title: string; minutes: number }
	| { kind: 'deep-dive' | 'quick-win'; title: string; time: string; focusSkill: Skill | null }
	| { kind: 'follow-up'; subject: CheckInSubject; title: string; answered: boolean };

export interface CalendarDay {
	date: string;
	/** Before today: planned sessions are not shown there, only what happened. */
	past: boolean;
	today: boolean;
	items: CalendarItem[];
}

export interface CalendarRange {
	/** Weeks shown before the current one. */
	weeksBack: number;
	/** Weeks shown after it. */
	weeksAhead: number;
}

/** A follow-up is on the day its commitment was for: the day before it falls due. */
const followUpDay = (entry: CheckInEntry, timeZone: string) =>
	localDateKey(entry.dueAt - 1, timeZone);

/**
 * Planned and past practice by week (Monday first), in the person's time zone: sessions held
 * (from the journal), sessions planned from today on (from the cadence plan, if any), and
 * follow-ups of commitments and planned feedback conversations.
 */
export function practiceCalendar(
	entries: readonly JournalEntry[],
	plan: CadencePlan | undefined,
	ctx: MetricsContext & { titleOf(playbookId: string): string },
	range: CalendarRange
): CalendarDay[][] {
	const today = localDateKey(ctx.now, ctx.timeZone);
	const lastWeek = addDays(localWeekKey(ctx.now, ctx.timeZone), 7 * range.weeksAhead);
	const weeks = lastWeeks(lastWeek, range.weeksBack + range.weeksAhead + 1);
	const days = new Map<string, CalendarItem[]>();
	const add = (date: string, item: CalendarItem) => days.get(date)?.push(item);
	for (const week of weeks) {
		for (let i = 0; i < 7; i++) days.set(addDays(week, i), []);
	}

	for (const session of sessionsOf(entries)) {
		add(localDateKey(session.date, ctx.timeZone), {
			kind: 'practised',
			title: session.playbookTitle,
			minutes: Math.round(session.durationMs / 60_000)
		});
	}
	for (const entry of entries) {
		if (entry.type !== 'check-in') continue;
		add(followUpDay(entry, ctx.timeZone), {
			kind: 'follow-up',
			subject: entry.subject,
			title: entry.commitment.what,
			answered: entry.answeredAt !== null
		});
	}
	if (plan) {
		const end = addDays(lastWeek, 6);
		for (const planned of plannedPractice(plan, today, end)) {
			add(planned.date, {
				kind: planned.kind,
				title: ctx.titleOf(planned.playbookId),
				time: planned.time,
				focusSkill: planned.focusSkill
			});
		}
	}
	return weeks.map((week) =>
		Array.from({ length: 7 }, (_, i) => {
			const date = addDays(week, i);
			return { date, past: date < today, today: date === today, items: days.get(date) ?? [] };
		})
	);
}

/** Each kind of item has its own symbol and words, so the calendar reads without colour. */
export function calendarItemWords(item: CalendarItem): { symbol: string; text: string } {
	switch (item.kind) {
		case 'practised':
			return { symbol: '✓', text: m.practice_calendar_practised(item) };
		case 'deep-dive':
			return {
				symbol: '◆',
				text: item.focusSkill
					? m.practice_calendar_deep_dive_focus({ ...item, skill: skillName(item.focusSkill) })
					: m.practice_calendar_deep_dive(item)
			};
		case 'quick-win':
			return { symbol: '◇', text: m.practice_calendar_quick_win(item) };
		case 'follow-up': {
			const what = { what: item.title };
			return {
				symbol: item.answered ? '☑' : '☐',
				text:
					item.subject === 'commitment'
						? m.practice_calendar_commitment(what)
						: m.practice_calendar_feedback(what)
			};
		}
		default:
			return assertNever(item);
	}
}
