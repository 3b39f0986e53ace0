import ical, { ICalAlarmType } from 'ical-generator';
import type { ScheduledConversation } from '../protocol/room-content';

const MINUTE_MS = 60_000;
/** The planned conversation's length in the calendar, and the reflection's. */
const CONVERSATION_MINUTES = 30;
const REFLECTION_MINUTES = 15;
/** Reminders, in seconds before each event. */
const CONVERSATION_REMINDER_S = 15 * 60;
const REFLECTION_REMINDER_S = 5 * 60;

/** The window in which the real conversation may be planned. */
export const SCHEDULE_WINDOW_MS = 48 * 60 * MINUTE_MS;
/** The reflection follows the conversation by a day, when it has settled. */
export const REFLECT_AFTER_MS = 24 * 60 * MINUTE_MS;

/** What is wrong with a planned start time at `now`, in plain words, or undefined. */
export function scheduleProblem(startsAt: number, now: number): string | undefined {
	if (!Number.isFinite(startsAt)) return 'Choose a date and a time.';
	if (startsAt <= now) return 'Choose a time that has not passed yet.';
	if (startsAt > now + SCHEDULE_WINDOW_MS) return 'Choose a time within the next 48 hours.';
	return undefined;
}

export interface FollowUp extends ScheduledConversation {
	/** Stable per plan, so importing the file twice updates the events instead of doubling them. */
	id: string;
}

/**
 * An iCalendar file with, for each plan, the real conversation and a reflection on it
 * afterwards, both with a reminder.
 */
export function followUpCalendar(plans: readonly FollowUp[]): string {
	const calendar = ical({ name: 'Practice Room follow-ups', prodId: '//Practice Room//EN' });
	for (const plan of plans) {
		calendar.createEvent({
			id: `${plan.id}-conversation@practice-room`,
			start: new Date(plan.startsAt),
			end: new Date(plan.startsAt + CONVERSATION_MINUTES * MINUTE_MS),
			summary: plan.title,
			description: 'The conversation you rehearsed in Practice Room.',
			alarms: [{ type: ICalAlarmType.display, trigger: CONVERSATION_REMINDER_S }]
		});
		calendar.createEvent({
			id: `${plan.id}-reflection@practice-room`,
			start: new Date(plan.reflectAt),
			end: new Date(plan.reflectAt + REFLECTION_MINUTES * MINUTE_MS),
			summary: `Reflect: ${plan.title}`,
			description:
				'How did the conversation go? What worked, what would you change, and what will you try next?',
			alarms: [{ type: ICalAlarmType.display, trigger: REFLECTION_REMINDER_S }]
		});
	}
	return calendar.toString();
}
