import { REFLECT_AFTER_MS } from '../room/schedule';
import { checkInId, type CheckInEntry, type CheckInSubject, type SessionFacts } from './entry';

/** How long after the session a commitment is followed up when its "when" names no day. */
export const DEFAULT_CHECK_IN_DAYS = 7;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_VALUE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A day as the value of an `<input type="date">` (`2026-11-27`), in this device's time zone. */
export function toDayValue(date: Date): string {
	return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight that begins a day value; NaN when it is not a real date. */
export function startOfDay(value: string): number {
	const match = DAY_VALUE.exec(value);
	if (!match) return Number.NaN;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(year, month - 1, day);
	const real = date.getFullYear() === year && date.getMonth() === month - 1;
	return real && date.getDate() === day ? date.getTime() : Number.NaN;
}

/** The day a moment falls on, shifted by whole days (calendar days, across clock changes). */
function dayOf(ms: number, addDays = 0): Date {
	const date = new Date(ms);
	return new Date(date.getFullYear(), date.getMonth(), date.getDate() + addDays);
}

/**
 * The day a commitment's free-text "when" most likely means, counted from the session: an ISO
 * date (`2026-11-27`), "today", "tomorrow", a weekday (the next one after the session day),
 * "next week", "in 3 days" or "in 2 weeks"; anything else is a week later. People correct it in
 * the form; this only saves them typing.
 */
export function guessCheckInDay(when: string, sessionDate: number): string {
	const text = when.toLowerCase();
	const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(text)?.[0];
	if (iso && !Number.isNaN(startOfDay(iso))) return iso;
	const after = (days: number) => toDayValue(dayOf(sessionDate, days));
	if (/\btoday\b|\btonight\b/.test(text)) return after(0);
	if (/\btomorrow\b/.test(text)) return after(1);
	// "fri" or "friday", not the "mon" of "month".
	const weekday = WEEKDAYS.findIndex((name) =>
		new RegExp(`\\b${name.slice(0, 3)}(?:${name.slice(3)})?\\b`).test(text)
	);
	if (weekday !== -1) {
		const today = dayOf(sessionDate).getDay();
		return after(((weekday - today + 6) % 7) + 1);
	}
	const inSome = /\bin (\d{1,3}) (day|week)s?\b/.exec(text);
	if (inSome) return after(Number(inSome[1]) * (inSome[2] === 'week' ? 7 : 1));
	if (/\bnext week\b/.test(text)) return after(7);
	return after(DEFAULT_CHECK_IN_DAYS);
}

/** A commitment for a day is asked about once that day has passed: from the next midnight. */
export function dueAfterDay(value: string): number {
	const start = startOfDay(value);
	return Number.isNaN(start) ? Number.NaN : dayOf(start, 1).getTime();
}

/** The day a check-in's commitment was for (the day before it falls due), as a day value. */
export function checkInDay(entry: Pick<CheckInEntry, 'dueAt'>): string {
	return toDayValue(dayOf(entry.dueAt, -1));
}

export type CheckInState = 'due' | 'upcoming' | 'answered';

/** Whether a check-in asks now, waits for its day, or has its answer. */
export function checkInState(entry: CheckInEntry, now: number): CheckInState {
	if (entry.answeredAt !== null) return 'answered';
	return now >= entry.dueAt ? 'due' : 'upcoming';
}

/**
 * The check-in of a session's commitment or planned conversation, falling due at `dueAt`. An
 * existing one keeps its answer; only an unanswered one moves to a new due time, so a check-in
 * once answered stays as it was.
 */
export function followUp(
	subject: CheckInSubject,
	facts: SessionFacts,
	dueAt: number,
	now: number,
	existing: CheckInEntry | undefined
): CheckInEntry | undefined {
	const commitment =
		subject === 'commitment'
			? facts.commitment
			: facts.feedbackConversation && {
					what: facts.feedbackConversation.title,
					when: '',
					withWhom: ''
				};
	if (!commitment) return undefined;
	if (existing?.answeredAt != null) return existing;
	return {
		type: 'check-in',
		id: checkInId(facts.roomId, subject),
		createdAt: existing?.createdAt ?? now,
		updatedAt: now,
		subject,
		roomId: facts.roomId,
		playbookTitle: facts.playbookTitle,
		sessionDate: facts.date,
		commitment,
		dueAt,
		answer: existing?.answer ?? '',
		done: existing?.done ?? false,
		answeredAt: null
	};
}

/**
 * When a session suggests asking: the day after its commitment's guessed day, or the reflection
 * time of its planned conversation.
 */
export function suggestedDueAt(subject: CheckInSubject, facts: SessionFacts): number | undefined {
	if (subject === 'commitment') {
		return facts.commitment
			? dueAfterDay(guessCheckInDay(facts.commitment.when, facts.date))
			: undefined;
	}
	const conversation = facts.feedbackConversation;
	return conversation ? conversation.startsAt + REFLECT_AFTER_MS : undefined;
}

const sameCommitment = (a: CheckInEntry['commitment'], b: CheckInEntry['commitment']) =>
	a.what === b.what && a.when === b.when && a.withWhom === b.withWhom;

/**
 * The check-in to store for what a session holds now, or undefined when the journal's is up to
 * date. As people type a commitment its words follow; the due day follows its "when" until the
 * person picks a day in the reflection form, and is guessed again only when "when" changes.
 */
export function sessionFollowUp(
	subject: CheckInSubject,
	facts: SessionFacts,
	existing: CheckInEntry | undefined,
	now: number
): CheckInEntry | undefined {
	const suggested = suggestedDueAt(subject, facts);
	if (suggested === undefined || Number.isNaN(suggested)) return undefined;
	const keepsDay =
		existing !== undefined &&
		(subject === 'commitment'
			? existing.commitment.when === facts.commitment?.when
			: existing.dueAt === suggested);
	const next = followUp(subject, facts, keepsDay ? existing.dueAt : suggested, now, existing);
	if (!next || next === existing) return undefined;
	const unchanged =
		existing !== undefined &&
		existing.dueAt === next.dueAt &&
		sameCommitment(existing.commitment, next.commitment);
	return unchanged ? undefined : next;
}

/** A check-in with its "how did it go?" answer. */
export function answerCheckIn(
	entry: CheckInEntry,
	answer: { text: string; done: boolean },
	now: number
): CheckInEntry {
	return {
		...entry,
		answer: answer.text.trim(),
		done: answer.done,
		answeredAt: now,
		updatedAt: now
	};
}
