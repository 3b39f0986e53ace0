import { describe, expect, test } from 'vitest';
import {
	answerCheckIn,
	checkInDay,
	checkInState,
	dueAfterDay,
	followUp,
	guessCheckInDay,
	sessionFollowUp,
	startOfDay,
	toDayValue
} from './follow-up';
import { REFLECT_AFTER_MS } from '../room/schedule';
import { checkIn, sessionFacts } from './journal.fixture';

/** A Sunday afternoon in this device's time zone: 22 November 2026, 15:00. */
const SUNDAY = new Date(2026, 10, 22, 15, 0).getTime();
const HOUR = 60 * 60 * 1000;

describe('guessCheckInDay', () => {
	test.each([
		['today after lunch', '2026-11-22'],
		['tomorrow', '2026-11-23'],
		['Friday stand-up', '2026-11-27'],
		['fri', '2026-11-27'],
		['on Sunday', '2026-11-29'],
		['in 3 days', '2026-11-25'],
		['in 2 weeks', '2026-12-06'],
		['next week', '2026-11-29'],
		['by 2026-12-10', '2026-12-10'],
		['this month', '2026-11-29'],
		['', '2026-11-29']
	])('reads "%s" as %s', (when, day) => {
		expect(guessCheckInDay(when, SUNDAY)).toBe(day);
	});

	test('an impossible ISO date is not taken', () => {
		expect(guessCheckInDay('2026-02-30', SUNDAY)).toBe('2026-11-29');
	});
});

describe('day values', () => {
	test('a day begins at local midnight and round-trips', () => {
		expect(startOfDay('2026-11-27')).toBe(new Date(2026, 10, 27).getTime());
		expect(toDayValue(new Date(startOfDay('2026-11-27')))).toBe('2026-11-27');
	});

	test('anything but a real date is NaN', () => {
		expect(startOfDay('2026-11-31')).toBeNaN();
		expect(startOfDay('27/11/2026')).toBeNaN();
		expect(dueAfterDay('')).toBeNaN();
	});

	test('a commitment for a day falls due once that day has passed', () => {
		const due = dueAfterDay('2026-11-27');
		expect(due).toBe(new Date(2026, 10, 28).getTime());
		expect(checkInDay({ dueAt: due })).toBe('2026-11-27');
	});

	test('the last day of a month falls due on the first of the next', () => {
		expect(dueAfterDay('2026-12-31')).toBe(new Date(2027, 0, 1).getTime());
	});
});

describe('checkInState', () => {
	test('waits until it is due, then asks, until it is answered', () => {
		expect(checkInState(checkIn, checkIn.dueAt - 1)).toBe('upcoming');
		expect(checkInState(checkIn, checkIn.dueAt)).toBe('due');
		const answered = answerCheckIn(
			checkIn,
			{ text: ' Went well ', done: true },
			checkIn.dueAt + HOUR
		);
		expect(answered).toMatchObject({
			answer: 'Went well',
			done: true,
			answeredAt: checkIn.dueAt + HOUR
		});
		expect(checkInState(answered, checkIn.dueAt + 2 * HOUR)).toBe('answered');
	});
});

describe('followUp', () => {
	const now = sessionFacts.date + HOUR;

	test('follows up a commitment, due when asked, with its words', () => {
		expect(followUp('commitment', sessionFacts, checkIn.dueAt, now, undefined)).toEqual({
			...checkIn,
			createdAt: now,
			updatedAt: now
		});
	});

	test('nothing to follow up without a commitment or a planned conversation', () => {
		const facts = { ...sessionFacts, commitment: null };
		expect(followUp('commitment', facts, checkIn.dueAt, now, undefined)).toBeUndefined();
		expect(followUp('feedback-conversation', facts, checkIn.dueAt, now, undefined)).toBeUndefined();
	});

	test('follows up a planned conversation by its title', () => {
		const facts = {
			...sessionFacts,
			feedbackConversation: { title: 'Talk to Sam', startsAt: now }
		};
		expect(followUp('feedback-conversation', facts, now + HOUR, now, undefined)).toMatchObject({
			id: `check-in:${sessionFacts.roomId}:feedback-conversation`,
			subject: 'feedback-conversation',
			commitment: { what: 'Talk to Sam', when: '', withWhom: '' },
			dueAt: now + HOUR
		});
	});

	test('an unanswered check-in moves to the new day and keeps when it was made', () => {
		const moved = followUp('commitment', sessionFacts, checkIn.dueAt + HOUR, now, checkIn);
		expect(moved).toMatchObject({
			createdAt: checkIn.createdAt,
			updatedAt: now,
			dueAt: checkIn.dueAt + HOUR
		});
	});

	test('an answered check-in stays as it was', () => {
		const answered = answerCheckIn(checkIn, { text: 'Done', done: true }, now);
		expect(followUp('commitment', sessionFacts, checkIn.dueAt + HOUR, now + HOUR, answered)).toBe(
			answered
		);
	});
});

describe('sessionFollowUp', () => {
	const now = sessionFacts.date + HOUR;
	/** The session is on Sunday 22 November (UTC); Friday is the 27th, asked from the 28th. */
	const friday = dueAfterDay(guessCheckInDay('Friday', sessionFacts.date));

	test('a new commitment is followed up from the day after its guessed day', () => {
		expect(sessionFollowUp('commitment', sessionFacts, undefined, now)).toMatchObject({
			commitment: sessionFacts.commitment,
			dueAt: friday
		});
	});

	test('nothing to write while the journal’s check-in says what the session does', () => {
		const stored = sessionFollowUp('commitment', sessionFacts, undefined, now);
		expect(sessionFollowUp('commitment', sessionFacts, stored, now + HOUR)).toBeUndefined();
	});

	test('new words follow, and a day the person picked stays while "when" is the same', () => {
		const picked = { ...checkIn, dueAt: dueAfterDay('2026-12-01') };
		const facts = {
			...sessionFacts,
			commitment: { what: 'Ask two open questions', when: 'Friday', withWhom: 'Sam' }
		};
		expect(sessionFollowUp('commitment', facts, picked, now)).toMatchObject({
			commitment: facts.commitment,
			dueAt: picked.dueAt
		});
	});

	test('a new "when" is guessed again', () => {
		const facts = { ...sessionFacts, commitment: { what: 'Ask', when: 'tomorrow', withWhom: '' } };
		expect(sessionFollowUp('commitment', facts, checkIn, now)?.dueAt).toBe(
			dueAfterDay(guessCheckInDay('tomorrow', sessionFacts.date))
		);
	});

	test('a planned conversation is asked about at its reflection time', () => {
		const facts = {
			...sessionFacts,
			feedbackConversation: { title: 'Talk to Sam', startsAt: now }
		};
		expect(sessionFollowUp('feedback-conversation', facts, undefined, now)?.dueAt).toBe(
			now + REFLECT_AFTER_MS
		);
	});

	test('an answered check-in is never rewritten', () => {
		const answered = answerCheckIn(checkIn, { text: 'Done', done: true }, now);
		const facts = { ...sessionFacts, commitment: { what: 'Else', when: 'Monday', withWhom: '' } };
		expect(sessionFollowUp('commitment', facts, answered, now)).toBeUndefined();
	});
});
