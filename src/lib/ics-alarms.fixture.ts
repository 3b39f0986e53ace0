import ICAL from 'ical.js';

/**
 * When each alarm of an event in an iCalendar file goes off, in ms, as a calendar app reads it
 * (RFC 5545 §3.8.6.3): a duration counts from the event's start, or from its end with
 * `RELATED=END`; a date-time trigger is that moment. For tests that check reminders by their
 * moment rather than by the text that encodes it.
 */
export function alarmMoments(vevent: ICAL.Component): number[] {
	const event = new ICAL.Event(vevent);
	return vevent.getAllSubcomponents('valarm').map((alarm) => {
		const trigger = alarm.getFirstProperty('trigger');
		const value = trigger?.getFirstValue();
		if (value instanceof ICAL.Time) return value.toJSDate().getTime();
		if (!(value instanceof ICAL.Duration)) throw new Error('an alarm without a trigger');
		const from = trigger?.getParameter('related') === 'END' ? event.endDate : event.startDate;
		return from.toJSDate().getTime() + value.toSeconds() * 1000;
	});
}

/** The events of an iCalendar file's text. */
export const vevents = (text: string): ICAL.Component[] =>
	new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
