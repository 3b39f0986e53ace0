import ical, { ICalAlarmType } from 'ical-generator';
import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import type { ScheduledConversation } from '../protocol/room-content';

const MINUTE_MS = 60_000;
/** The planned conversation's length in the calendar, and the reflection's. */
const CONVERSATION_MINUTES = 30;
const REFLECTION_MINUTES = 15;
/** Reminders, in seconds before each event. */
const CONVERSATION_REMINDER_S = 15 * 60;
const REFLECTION_REMINDER_S = 5 * 60;

export interface FollowUp extends ScheduledConversation {
	/** Stable per plan, so importing the file twice updates the events instead of doubling them. */
	id: string;
}

/**
 * An iCalendar file with, for each plan, the real conversation and a reflection on it
 * afterwards, both with a reminder, worded in `locale` (the downloader's). Times are UTC moments,
 * which calendar apps show in the reader's own time zone.
 */
export function followUpCalendar(plans: readonly FollowUp[], locale: Locale = getLocale()): string {
	const opts = { locale };
	// The product id names the software, not the reader's language, so it stays as it is.
	const calendar = ical({ name: m.tools_ics_name({}, opts), prodId: '//Practice Room//EN' });
	for (const plan of plans) {
		calendar.createEvent({
			id: `${plan.id}-conversation@practice-room`,
			start: new Date(plan.startsAt),
			end: new Date(plan.startsAt + CONVERSATION_MINUTES * MINUTE_MS),
			summary: plan.title,
			description: m.tools_ics_conversation({}, opts),
			alarms: [{ type: ICalAlarmType.display, trigger: CONVERSATION_REMINDER_S }]
		});
		calendar.createEvent({
			id: `${plan.id}-reflection@practice-room`,
			start: new Date(plan.reflectAt),
			end: new Date(plan.reflectAt + REFLECTION_MINUTES * MINUTE_MS),
			summary: m.tools_ics_reflect({ title: plan.title }, opts),
			description: m.tools_ics_reflection({}, opts),
			alarms: [{ type: ICalAlarmType.display, trigger: REFLECTION_REMINDER_S }]
		});
	}
	return calendar.toString();
}
