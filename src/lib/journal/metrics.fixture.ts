import type { CheckInEntry, ReflectionEntry, SessionFacts, ShoutOutEntry } from './entry';
import { checkIn, reflection, sessionFacts, shoutOut } from './journal.fixture';

let counter = 0;
/** A room id of its own for each session made here (22 URL-safe characters). */
const nextRoomId = () => `room${String(++counter).padStart(18, '0')}`;

/** A reflection on a session at `at` (ms), 20 minutes long unless `facts` say otherwise. */
export function sessionAt(at: number, facts: Partial<SessionFacts> = {}): ReflectionEntry {
	const id = nextRoomId();
	return {
		...reflection,
		id: `reflection-${id}`,
		createdAt: at + 30 * 60_000,
		updatedAt: at + 30 * 60_000,
		session: { ...sessionFacts, roomId: id, date: at, ...facts }
	};
}

/** A reflection written at `at` without a session. */
export function reflectionAt(
	at: number,
	skill: ReflectionEntry['skill'],
	confidence: ReflectionEntry['confidence']
): ReflectionEntry {
	return {
		...reflection,
		id: `reflection-${++counter}`,
		createdAt: at,
		updatedAt: at,
		skill,
		confidence,
		session: null
	};
}

/** A feedback conversation planned for the day before `dueAt`, answered as `done`. */
export function feedbackCheckIn(dueAt: number, done: boolean): CheckInEntry {
	return {
		...checkIn,
		id: `check-in:${nextRoomId()}:feedback-conversation`,
		subject: 'feedback-conversation',
		dueAt,
		done,
		answeredAt: dueAt + 60_000
	};
}

/** A shout-out received at `at`. */
export function shoutOutAt(at: number, kindUnderPressure: boolean): ShoutOutEntry {
	return { ...shoutOut, id: `shout-out:${++counter}`, date: at, kindUnderPressure };
}

/** Ms of a UTC date and time, for readable tests: `utc('2026-03-02T09:00')`. */
export const utc = (dateTime: string) => Date.parse(`${dateTime}Z`);
