import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { alarmMoments, vevents } from '../ics-alarms.fixture';
import { defaultPlan, plannedPractice, type CadencePlan } from './cadence';
import { cadenceCalendar } from './cadence-ics';
import { addDays } from './metrics-dates';

const CTX = {
	origin: 'https://practice.example.org',
	now: Date.UTC(2026, 2, 1),
	titleOf: (id: string) => ({ 'active-listening-sprint': 'Active Listening Sprint' })[id] ?? id,
	locale: 'en' as const
};
/** Tuesday 3 March 2026, a deep dive every other week, wins after Monday and Thursday meetings. */
const PLAN: CadencePlan = defaultPlan('2026-03-03');

/** Each event of the file, parsed back with ical.js, and its occurrences up to `until`. */
function parse(text: string, until: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		const rule = vevent.getFirstPropertyValue('rrule');
		const occurrences: string[] = [];
		const iterator = event.iterator();
		for (
			let next = iterator.next();
			next && next.toString().slice(0, 10) <= until;
			next = iterator.next()
		) {
			occurrences.push(next.toString());
		}
		return {
			uid: event.uid,
			summary: event.summary,
			url: String(vevent.getFirstPropertyValue('url')),
			floating: event.startDate.zone?.tzid === 'floating',
			rule: rule instanceof ICAL.Recur ? rule.toString() : undefined,
			alarms: vevent.getAllSubcomponents('valarm').map((alarm) => ({
				action: alarm.getFirstPropertyValue('action'),
				trigger: String(alarm.getFirstPropertyValue('trigger'))
			})),
			occurrences
		};
	});
}

describe('the rhythm as a calendar file', () => {
	const until = addDays(PLAN.startsOn, 2 * 365);
	const events = parse(cadenceCalendar(PLAN, CTX), until);
	const deepDives = events.filter((e) => e.uid.startsWith('cadence-deep-dive'));
	const quickWin = events.find((e) => e.uid === 'cadence-quick-win@practice-room');

	test('the deep dive recurs every other week on its weekday, one series per focus skill', () => {
		expect(deepDives.map((e) => e.rule)).toEqual([
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYMONTH=1,2,3',
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYMONTH=4,5,6',
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYMONTH=7,8,9',
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYMONTH=10,11,12'
		]);
		expect(deepDives.map((e) => e.summary)).toEqual([
			'Practice: Active Listening Sprint · focus: listening',
			'Practice: Active Listening Sprint · focus: feedback',
			'Practice: Active Listening Sprint · focus: empathy',
			'Practice: Active Listening Sprint · focus: coaching'
		]);
	});

	test('together the series give exactly the planned deep dives, for two years and on', () => {
		const fromFile = deepDives.flatMap((e) => e.occurrences).sort();
		const planned = plannedPractice(PLAN, PLAN.startsOn, until)
			.filter((p) => p.kind === 'deep-dive')
			.map((p) => `${p.date}T${p.time}:00`);
		expect(fromFile).toEqual(planned);
		expect(fromFile[0]).toBe('2026-03-03T10:00:00');
		expect(fromFile).toContain('2027-03-02T10:00:00');
	});

	test('quick wins recur weekly on the meeting days, at the time the meeting ends', () => {
		expect(quickWin?.rule).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
		const planned = plannedPractice(PLAN, PLAN.startsOn, until)
			.filter((p) => p.kind === 'quick-win')
			.map((p) => `${p.date}T${p.time}:00`);
		expect(quickWin?.occurrences).toEqual(planned);
		expect(quickWin?.occurrences[0]).toBe('2026-03-05T11:00:00');
	});

	test('every event has a reminder and a link that starts a fresh room of its playbook', () => {
		expect(
			deepDives.every(
				(e) => e.url === 'https://practice.example.org/practice/start/active-listening-sprint'
			)
		).toBe(true);
		expect(quickWin?.url).toBe('https://practice.example.org/practice/start/five-minute-win');
		expect(deepDives[0]?.alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT15M' }]);
		expect(quickWin?.alarms).toEqual([{ action: 'DISPLAY', trigger: 'PT0S' }]);
	});

	test('the deep dive reminds 15 minutes before it starts, the quick win when it starts', () => {
		const startOf = (vevent: ICAL.Component) =>
			new ICAL.Event(vevent).startDate.toJSDate().getTime();
		const moments = vevents(cadenceCalendar(PLAN, CTX)).map((vevent) =>
			alarmMoments(vevent).map((at) => at - startOf(vevent))
		);
		expect(moments).toEqual([...deepDives.map(() => [-15 * 60_000]), [0]]);
	});

	test('times are wall-clock times, so daylight saving never moves a session', () => {
		expect(events.every((e) => e.floating)).toBe(true);
		// Europe and the US change their clocks in March and at the end of October.
		expect(deepDives.flatMap((e) => e.occurrences).every((o) => o.endsWith('T10:00:00'))).toBe(
			true
		);
	});

	test('one focus skill all year is one open series; no weekdays is no quick wins', () => {
		const plan: CadencePlan = {
			...PLAN,
			deepDive: { ...PLAN.deepDive, everyWeeks: 1 },
			quickWins: { ...PLAN.quickWins, weekdays: [] },
			focusByQuarter: ['trust', 'trust', 'trust', 'trust']
		};
		const parsed = parse(cadenceCalendar(plan, CTX), '2026-03-31');
		expect(parsed.map((e) => [e.uid, e.rule])).toEqual([
			['cadence-deep-dive-trust@practice-room', 'FREQ=WEEKLY;BYDAY=TU']
		]);
		expect(parsed[0]?.occurrences).toHaveLength(5);
	});

	test('quarters sharing a skill share a series, and a quarter without one says no focus', () => {
		const plan: CadencePlan = { ...PLAN, focusByQuarter: ['listening', null, 'listening', null] };
		const parsed = parse(cadenceCalendar(plan, CTX), until);
		expect(
			parsed.filter((e) => e.uid.startsWith('cadence-deep-dive')).map((e) => [e.uid, e.rule])
		).toEqual([
			[
				'cadence-deep-dive-listening@practice-room',
				'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYMONTH=1,2,3,7,8,9'
			],
			[
				'cadence-deep-dive-open@practice-room',
				'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYMONTH=4,5,6,10,11,12'
			]
		]);
		expect(parsed.find((e) => e.uid.endsWith('open@practice-room'))?.summary).toBe(
			'Practice: Active Listening Sprint'
		);
	});
});

describe('the calendar file in the downloader’s language', () => {
	test.each([
		['de', 'Üben: Active Listening Sprint', 'Fünf-Minuten-Gewinn: five-minute-win'],
		['es', 'Práctica: Active Listening Sprint', 'Logro de cinco minutos: five-minute-win']
	] as const)('%s: titles and notes', (locale, deepDive, quickWin) => {
		const plan: CadencePlan = { ...PLAN, focusByQuarter: [null, null, null, null] };
		const text = cadenceCalendar(plan, { ...CTX, locale });
		const summaries = parse(text, '2026-03-31').map((e) => e.summary);
		expect(summaries).toEqual([deepDive, quickWin]);
		expect(text).toContain(locale === 'de' ? 'Neuen Raum starten' : 'Abre una sala nueva');
	});
});
