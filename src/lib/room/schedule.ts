import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import { participantIdSchema } from '../protocol/ids';
import { parseWithProblems } from '../protocol/problems';
import { scheduledConversationSchema, type ScheduledConversation } from '../protocol/room-content';

const MINUTE_MS = 60_000;
/** The window in which the real conversation may be planned. */
export const SCHEDULE_WINDOW_MS = 48 * 60 * MINUTE_MS;
/** The reflection follows the conversation by a day, when it has settled. */
export const REFLECT_AFTER_MS = 24 * 60 * MINUTE_MS;

/** What is wrong with a planned start time at `now`, in plain words, or undefined. */
export function scheduleProblem(
	startsAt: number,
	now: number,
	locale: Locale = getLocale()
): string | undefined {
	if (!Number.isFinite(startsAt)) return m.tools_schedule_choose({}, { locale });
	if (startsAt <= now) return m.tools_schedule_past({}, { locale });
	if (startsAt > now + SCHEDULE_WINDOW_MS) return m.tools_schedule_window({}, { locale });
	return undefined;
}

/** The longest title a plan may have, as the schema checks it. */
export const PLAN_TITLE_MAX = 80;

/** One person's plan, as everyone in the room sees it. */
export interface PlannedConversation {
	participantId: string;
	plan: ScheduledConversation;
}

/**
 * Everyone's plans from the schedule map's entries, soonest first. An entry that does not parse
 * (a peer running other code, or a broken write) is skipped rather than breaking the list.
 */
export function readSchedule(entries: Iterable<[string, unknown]>): PlannedConversation[] {
	const plans: PlannedConversation[] = [];
	for (const [participantId, value] of entries) {
		const plan = scheduledConversationSchema.safeParse(value);
		if (participantIdSchema.safeParse(participantId).success && plan.success) {
			plans.push({ participantId, plan: plan.data });
		}
	}
	return plans.sort(
		(a, b) => a.plan.startsAt - b.plan.startsAt || a.participantId.localeCompare(b.participantId)
	);
}

/** The earliest and latest start a person may pick at `now`, on whole minutes as pickers offer. */
export function scheduleWindow(now: number): { earliest: number; latest: number } {
	return {
		earliest: (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS,
		latest: Math.floor((now + SCHEDULE_WINDOW_MS) / MINUTE_MS) * MINUTE_MS
	};
}

export type PlanResult =
	| { ok: true; plan: ScheduledConversation }
	| { ok: false; problems: { title: string[]; startsAt: string[] } };

/**
 * Checks a plan from the form at server time `now` and completes it with its reflection time.
 * `startsAt` is NaN when no real time was chosen. Problems are plain sentences per field, in
 * `locale`.
 */
export function planConversation(
	draft: { title: string; startsAt: number },
	now: number,
	locale: Locale = getLocale()
): PlanResult {
	const opts = { locale };
	const timeProblem = Number.isInteger(draft.startsAt)
		? scheduleProblem(draft.startsAt, now, locale)
		: m.tools_schedule_choose({}, opts);
	const parsed = parseWithProblems(scheduledConversationSchema, {
		title: draft.title,
		startsAt: draft.startsAt,
		reflectAt: draft.startsAt + REFLECT_AFTER_MS
	});
	if (timeProblem === undefined && parsed.ok) return { ok: true, plan: parsed.data };
	return {
		ok: false,
		problems: {
			// The schema's two rules for a title, worded in this person's language.
			title:
				parsed.ok || !parsed.byPath.has('title')
					? []
					: [
							draft.title.trim() === ''
								? m.tools_schedule_title_empty({}, opts)
								: m.tools_schedule_title_long({ max: PLAN_TITLE_MAX }, opts)
						],
			startsAt: timeProblem === undefined ? [] : [timeProblem]
		}
	};
}
