import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { followUpCalendar, REFLECT_AFTER_MS, scheduleProblem } from './calendar';

const NOW = Date.UTC(2026, 10, 22, 9, 0);
const HOUR = 3_600_000;

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		return {
			uid: event.uid,
			summary: event.summary,
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
				start: startsAt,
				end: startsAt + HOUR / 2,
				reminders: ['-PT15M']
			},
			{
				uid: 'abc-reflection@practice-room',
				summary: 'Reflect: Talk to Sam',
				start: startsAt + 24 * HOUR,
				end: startsAt + 24 * HOUR + HOUR / 4,
				reminders: ['-PT5M']
			}
		]);
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

describe('when the real conversation may be planned', () => {
	test('within the next 48 hours, not in the past', () => {
		expect(scheduleProblem(NOW + HOUR, NOW)).toBeUndefined();
		expect(scheduleProblem(NOW + 48 * HOUR, NOW)).toBeUndefined();
		expect(scheduleProblem(NOW + 48 * HOUR + 1, NOW)).toBe(
			'Choose a time within the next 48 hours.'
		);
		expect(scheduleProblem(NOW - 1, NOW)).toBe('Choose a time that has not passed yet.');
		expect(scheduleProblem(Number.NaN, NOW)).toBe('Choose a date and a time.');
	});
});
