import ical, { ICalAlarmType } from 'ical-generator';
import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import type { PlannedDeadline } from './async-view';

/** Each deadline is a short event ending at it, with a reminder three hours before the deadline. */
const EVENT_MS = 15 * 60_000;
const REMINDER_S = 3 * 3600;

/**
 * An iCalendar file with the deadlines of a room's turns (`plannedDeadlines`), worded in `locale`.
 * Ids are stable per room, phase and round, so importing a newer file moves the events instead of
 * doubling them. Times are UTC moments, which calendar apps show in the reader's time zone.
 */
export function turnsCalendar(
	roomId: string,
	deadlines: readonly PlannedDeadline[],
	phaseTitle: (phaseIndex: number) => string,
	locale: Locale = getLocale()
): string {
	const opts = { locale };
	const calendar = ical({ name: m.async_ics_name({}, opts), prodId: '//Practice Room//EN' });
	for (const deadline of deadlines) {
		const event = calendar.createEvent({
			id: `${roomId}-${deadline.phaseIndex}-${deadline.round}@practice-room`,
			start: new Date(deadline.at - EVENT_MS),
			end: new Date(deadline.at),
			summary: m.async_ics_deadline({ phase: phaseTitle(deadline.phaseIndex) }, opts),
			description: m.async_ics_description({}, opts)
		});
		// Counted from the start (seconds before it), as Outlook ignores a trigger related to the end.
		event.createAlarm({ type: ICalAlarmType.display, trigger: REMINDER_S - EVENT_MS / 1000 });
	}
	return calendar.toString();
}
