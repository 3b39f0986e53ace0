import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { alarmMoments, vevents } from '../ics-alarms.fixture';
import { followUpCalendar } from './calendar';
import { REFLECT_AFTER_MS } from './schedule';

const NOW = Date.UTC(2026, 10, 22, 9, 0);
const HOUR = 3_600_000;

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		return {
			uid: event.uid,
			summary: event.summary,
			description: event.description,
			start: event.startDate.toJSDate().getTime(),
			end: event.endDate.toJSDate().getTime(),
			reminders: vevent
				.getAllSubcomponents('valarm')
				.map((alarm) => String(alarm.getFirstPropertyValue('trigger')))
		};
	});
}

describe('follow-up calendar', () => {
	test('holds the conversation and the reflection, each with a reminder, and parses back', () => {
		const startsAt = NOW + 20 * HOUR;
		const events = parse(
			followUpCalendar([
				{ id: 'abc', title: 'Talk to Sam', startsAt, reflectAt: startsAt + REFLECT_AFTER_MS }
			])
		);
		expect(events).toEqual([
			{
				uid: 'abc-conversation@practice-room',
				summary: 'Talk to Sam',
				description: 'The conversation you rehearsed in Practice Room.',
				start: startsAt,
				end: startsAt + HOUR / 2,
				reminders: ['-PT15M']
			},
			{
				uid: 'abc-reflection@practice-room',
				summary: 'Reflect: Talk to Sam',
				description:
					'How did the conversation go? What worked, what would you change, and what will you try next?',
				start: startsAt + 24 * HOUR,
				end: startsAt + 24 * HOUR + HOUR / 4,
				reminders: ['-PT5M']
			}
		]);
	});

	test('each reminder goes off before its event starts: the conversation’s, the reflection’s', () => {
		const startsAt = NOW + 20 * HOUR;
		const reflectAt = startsAt + REFLECT_AFTER_MS;
		const text = followUpCalendar([{ id: 'abc', title: 'Talk to Sam', startsAt, reflectAt }]);
		expect(vevents(text).map(alarmMoments)).toEqual([
			[startsAt - 15 * 60_000],
			[reflectAt - 5 * 60_000]
		]);
	});

	test('is worded in the downloader’s language, German or Spanish, with the same times', () => {
		const plan = { id: 'abc', title: 'Mit Sam reden', startsAt: NOW, reflectAt: NOW + HOUR };
		const calendarName = (text: string) =>
			new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname');
		const german = followUpCalendar([plan], 'de');
		expect(calendarName(german)).toBe('Practice Room: Folgetermine');
		expect(
			parse(german).map(({ summary, description, start }) => ({ summary, description, start }))
		).toEqual([
			{
				summary: 'Mit Sam reden',
				description: 'Das Gespräch, das du in Practice Room geübt hast.',
				start: NOW
			},
			{
				summary: 'Reflexion: Mit Sam reden',
				description:
					'Wie ist das Gespräch gelaufen? Was hat funktioniert, was würdest du ändern, und was probierst du als Nächstes?',
				start: NOW + HOUR
			}
		]);
		const spanish = parse(followUpCalendar([plan], 'es'));
		expect(calendarName(followUpCalendar([plan], 'es'))).toBe('Practice Room: seguimientos');
		expect(spanish.map(({ summary }) => summary)).toEqual([
			'Mit Sam reden',
			'Reflexión: Mit Sam reden'
		]);
		expect(spanish[0]?.description).toBe('La conversación que ensayaste en Practice Room.');
	});

	test('text with commas, semicolons and new lines survives the round trip', () => {
		const [event] = parse(
			followUpCalendar([{ id: 'x', title: 'Sam; Jo, and\nme', startsAt: NOW, reflectAt: NOW }])
		);
		expect(event?.summary).toBe('Sam; Jo, and\nme');
	});

	test('several plans give two events each', () => {
		const plan = { title: 'T', startsAt: NOW, reflectAt: NOW };
		expect(
			parse(
				followUpCalendar([
					{ ...plan, id: 'a' },
					{ ...plan, id: 'b' }
				])
			)
		).toHaveLength(4);
	});
});
