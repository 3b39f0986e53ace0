import ical, { ICalAlarmType, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { skillName } from '$lib/i18n/facet-names';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Skill } from '../protocol/playbook';
import {
	deepDiveDates,
	QUICK_WIN_MINUTES,
	quarterOf,
	startLink,
	type CadencePlan
} from './cadence';
import { addDays, weekdayOf } from './metrics-dates';

/** Reminders, in seconds before each session: time to find a partner, or none needed. */
const DEEP_DIVE_REMINDER_S = 15 * 60;
const QUICK_WIN_REMINDER_S = 0;
const BY_WEEKDAY = [
	ICalWeekday.MO,
	ICalWeekday.TU,
	ICalWeekday.WE,
	ICalWeekday.TH,
	ICalWeekday.FR,
	ICalWeekday.SA,
	ICalWeekday.SU
] as const;

export interface CadenceContext {
	/** The app's origin, for the links that start a room. */
	origin: string;
	/** Now (ms): the file's time stamp. */
	now: number;
	/** A playbook's title by id, for event titles. */
	titleOf(playbookId: string): string;
	/** The language of the person downloading: the events' titles and notes are in it. */
	locale: Locale;
}

/**
 * A wall-clock time with no zone (iCalendar "floating"): ical-generator writes a floating
 * date from its UTC fields, so the person's calendar places it at that time wherever they are.
 */
function floating(date: string, time: string, addMinutes = 0): Date {
	const [hours = 0, minutes = 0] = time.split(':').map(Number);
	return new Date(Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes + addMinutes) * 60_000);
}

/** Quarters (0–3) grouped by their focus skill, in the order the skills first appear. */
function quartersBySkill(plan: CadencePlan): [Skill | null, number[]][] {
	const groups = new Map<Skill | null, number[]>();
	plan.focusByQuarter.forEach((skill, quarter) => {
		groups.set(skill, [...(groups.get(skill) ?? []), quarter]);
	});
	return [...groups];
}

const monthsOf = (quarters: number[]) => quarters.flatMap((q) => [q * 3 + 1, q * 3 + 2, q * 3 + 3]);

/**
 * The plan as an iCalendar file of recurring events, each with a reminder and a link that
 * starts a fresh room of its playbook. The deep dive is one series per focus skill, limited to
 * that skill's quarters (`BYMONTH`) and started on the plan's own sequence of weeks, so together
 * they repeat every quarter of every year without an end. Event ids are fixed: importing a
 * changed plan updates the events instead of doubling them.
 */
export function cadenceCalendar(plan: CadencePlan, ctx: CadenceContext): string {
	const locale = { locale: ctx.locale };
	const calendar = ical({ name: m.practice_ics_name({}, locale), prodId: '//Practice Room//EN' });
	const stamp = new Date(ctx.now);
	const { deepDive, quickWins } = plan;
	const deepDiveUrl = startLink(ctx.origin, deepDive.playbookId);
	const yearAhead = addDays(plan.startsOn, 366);

	for (const [skill, quarters] of quartersBySkill(plan)) {
		const first = deepDiveDates(plan, plan.startsOn, yearAhead).find((date) =>
			quarters.includes(quarterOf(date))
		);
		if (!first) continue;
		const title = ctx.titleOf(deepDive.playbookId);
		const start = m.practice_ics_start({ url: deepDiveUrl }, locale);
		calendar.createEvent({
			id: `cadence-deep-dive-${skill ?? 'open'}@practice-room`,
			stamp,
			floating: true,
			start: floating(first, deepDive.time),
			end: floating(first, deepDive.time, deepDive.minutes),
			summary: skill
				? m.practice_ics_deep_dive_focus({ title, skill: skillName(skill) }, locale)
				: m.practice_ics_deep_dive({ title }, locale),
			description: skill
				? `${m.practice_ics_focus_note({ skill: skillName(skill) }, locale)}\n${start}`
				: start,
			url: deepDiveUrl,
			repeating: {
				freq: ICalEventRepeatingFreq.WEEKLY,
				interval: deepDive.everyWeeks,
				byDay: [BY_WEEKDAY[weekdayOf(first)]!],
				...(quarters.length < 4 ? { byMonth: monthsOf(quarters) } : {})
			},
			alarms: [{ type: ICalAlarmType.display, trigger: DEEP_DIVE_REMINDER_S }]
		});
	}

	const days = [...new Set(quickWins.weekdays)].sort((a, b) => a - b);
	const firstWin = Array.from({ length: 7 }, (_, i) => addDays(plan.startsOn, i)).find((date) =>
		days.includes(weekdayOf(date))
	);
	if (firstWin) {
		const winUrl = startLink(ctx.origin, quickWins.playbookId);
		calendar.createEvent({
			id: 'cadence-quick-win@practice-room',
			stamp,
			floating: true,
			start: floating(firstWin, quickWins.time),
			end: floating(firstWin, quickWins.time, QUICK_WIN_MINUTES),
			summary: m.practice_ics_quick_win({ title: ctx.titleOf(quickWins.playbookId) }, locale),
			description: m.practice_ics_quick_win_note({ url: winUrl }, locale),
			url: winUrl,
			repeating: {
				freq: ICalEventRepeatingFreq.WEEKLY,
				byDay: days.map((day) => BY_WEEKDAY[day]!)
			},
			alarms: [{ type: ICalAlarmType.display, trigger: QUICK_WIN_REMINDER_S }]
		});
	}
	return calendar.toString();
}
