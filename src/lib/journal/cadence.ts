import * as z from 'zod/mini';
import { playbookIdSchema } from '../protocol/ids';
import { skillSchema, type Skill } from '../protocol/playbook';
import { dateKeySchema } from '../protocol/team';
import { addDays, daysBetween, weekdayOf } from './metrics-dates';

/**
 * A rhythm of practice the person plans: a deep dive every few weeks, five-minute wins after
 * meetings on some weekdays, and a focus skill for each quarter of the year. Kept in the
 * browser; its times are wall-clock times where the person is, so daylight saving never moves
 * a session.
 */

const timeSchema = z
	.string()
	.check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:30'));
/** 0 for Monday … 6 for Sunday. */
const weekdaySchema = z.number().check(z.int(), z.minimum(0), z.maximum(6));

export const cadencePlanSchema = z.object({
	/** The first deep dive, and the day quick wins begin. */
	startsOn: dateKeySchema,
	deepDive: z.object({
		playbookId: playbookIdSchema,
		/** 1 weekly, 2 every other week… */
		everyWeeks: z.number().check(z.int(), z.minimum(1), z.maximum(4)),
		time: timeSchema,
		minutes: z.number().check(z.int(), z.minimum(5), z.maximum(180))
	}),
	quickWins: z.object({
		playbookId: playbookIdSchema,
		/** Days with a meeting worth a five-minute win after it; none plans no quick wins. */
		weekdays: z.array(weekdaySchema).check(z.maxLength(7)),
		/** When the meeting ends. */
		time: timeSchema
	}),
	/** A focus skill for each quarter of the calendar year, January–March first; null: none. */
	focusByQuarter: z.tuple([
		z.nullable(skillSchema),
		z.nullable(skillSchema),
		z.nullable(skillSchema),
		z.nullable(skillSchema)
	])
});
export type CadencePlan = z.infer<typeof cadencePlanSchema>;

/** A quick win is five minutes, as the Five-Minute Win playbook. */
export const QUICK_WIN_MINUTES = 5;

/**
 * The plan offered first: a deep dive every other Tuesday from the next one (or today, a
 * Tuesday), and wins after two meetings a week.
 */
export function defaultPlan(today: string): CadencePlan {
	return {
		startsOn: addDays(today, (8 - weekdayOf(today)) % 7),
		deepDive: { playbookId: 'active-listening-sprint', everyWeeks: 2, time: '10:00', minutes: 45 },
		quickWins: { playbookId: 'five-minute-win', weekdays: [0, 3], time: '11:00' },
		focusByQuarter: ['listening', 'feedback', 'empathy', 'coaching']
	};
}

/** 0 for January–March … 3 for October–December. */
export const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3);

export type PracticeKind = 'deep-dive' | 'quick-win';

/** One planned session, in the person's wall-clock time. */
export interface PlannedPractice {
	kind: PracticeKind;
	date: string;
	time: string;
	minutes: number;
	playbookId: string;
	/** The quarter's focus skill, for deep dives. */
	focusSkill: Skill | null;
}

/** The deep dives' dates: every `everyWeeks` weeks from the start, from `from` to `to`. */
export function deepDiveDates(plan: CadencePlan, from: string, to: string): string[] {
	const step = plan.deepDive.everyWeeks * 7;
	const skipped = Math.max(0, Math.ceil(daysBetween(plan.startsOn, from) / step));
	const dates: string[] = [];
	for (let date = addDays(plan.startsOn, skipped * step); date <= to; date = addDays(date, step)) {
		dates.push(date);
	}
	return dates;
}

/** Every planned session from `from` to `to` (dates, both included), in order. */
export function plannedPractice(plan: CadencePlan, from: string, to: string): PlannedPractice[] {
	const deepDives = deepDiveDates(plan, from, to).map((date): PlannedPractice => ({
		kind: 'deep-dive',
		date,
		time: plan.deepDive.time,
		minutes: plan.deepDive.minutes,
		playbookId: plan.deepDive.playbookId,
		focusSkill: plan.focusByQuarter[quarterOf(date)] ?? null
	}));
	const quickWins: PlannedPractice[] = [];
	const first = from > plan.startsOn ? from : plan.startsOn;
	for (let date = first; date <= to; date = addDays(date, 1)) {
		if (!plan.quickWins.weekdays.includes(weekdayOf(date))) continue;
		quickWins.push({
			kind: 'quick-win',
			date,
			time: plan.quickWins.time,
			minutes: QUICK_WIN_MINUTES,
			playbookId: plan.quickWins.playbookId,
			focusSkill: null
		});
	}
	return [...deepDives, ...quickWins].sort(
		(a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time)
	);
}

/** The link that starts a fresh room of a playbook (`/practice/start/<id>`). */
export const startLink = (origin: string, playbookId: string) =>
	`${origin.replace(/\/$/, '')}/practice/start/${playbookId}`;
