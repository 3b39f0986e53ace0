import { expect, test } from 'vitest';
import { alarmMoments, vevents } from '../ics-alarms.fixture';
import { HOUR_MS } from '../time-units';
import { turnsCalendar } from './async-calendar';

const at = Date.UTC(2026, 2, 29, 12);

test('each deadline is an event ending at it, in UTC, worded in the reader’s language', () => {
	const ics = turnsCalendar(
		'room-1',
		[
			{ phaseIndex: 1, round: 1, at },
			{ phaseIndex: 2, round: 1, at: at + 86_400_000 }
		],
		(index) => ['Ankommen', 'Erzählen', 'Spiegeln'][index] ?? '',
		'de'
	);
	expect(ics).toContain('SUMMARY:Frist: Erzählen');
	expect(ics).toContain('DTEND:20260329T120000Z');
	expect(ics).toContain('SUMMARY:Frist: Spiegeln');
	expect(ics).toContain('DTEND:20260330T120000Z');
	expect(ics).toContain('UID:room-1-1-1@practice-room');
	expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
});

test('the reminder goes off three hours before the deadline, not before the event starts', () => {
	const ics = turnsCalendar('room-1', [{ phaseIndex: 1, round: 1, at }], () => 'Telling', 'en');
	// Outlook and Exchange ignore RELATED=END and count from the start: counted from it everywhere.
	expect(ics).not.toContain('RELATED=');
	expect(ics).toContain('TRIGGER:-PT2H45M');
	expect(vevents(ics).map(alarmMoments)).toEqual([[at - 3 * HOUR_MS]]);
});
