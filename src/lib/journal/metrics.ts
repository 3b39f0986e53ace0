import type { Skill } from '../protocol/playbook';
import { DAY_MS } from '../time-units';
import type { CheckInEntry, JournalEntry, ReflectionEntry, SessionFacts } from './entry';
import { attendedSessionFacts } from './attendance';
import { lastWeeks, localDateKey, localWeekKey } from './metrics-dates';

/**
 * Private micro-metrics, computed from the journal in the browser. Pure: the time zone and the
 * current moment come in through {@link MetricsContext}, so a week means the same on every
 * machine and in every test.
 */
export interface MetricsContext {
	/** The person's IANA time zone: a session belongs to the week it was in there. */
	timeZone: string;
	/** Now, in ms since the epoch: the last week shown is the one it falls in. */
	now: number;
}

/** One week of practice. A week without sessions is there, with zeros. */
export interface WeekPractice {
	/** The week's Monday, `YYYY-MM-DD`. */
	week: string;
	sessions: number;
	minutes: number;
	paraphrases: number;
	/** Real feedback conversations held (a follow-up answered as done), by the day planned. */
	feedbackHeld: number;
	/** Sessions per skill practised. */
	skills: Partial<Record<Skill, number>>;
}

/** A dated value on a trend line. */
export interface TrendPoint {
	/** Ms since the epoch. */
	at: number;
	/** The local date, `YYYY-MM-DD`, for labels and tables. */
	date: string;
	value: number;
}

const MINUTE_MS = 60_000;

/**
 * The sessions in the journal, one per room, oldest first. A reflection on the session gives its
 * facts (several reflections count once, the first written wins); a session with only an
 * attendance record (taken part, nothing written) counts too, with nothing measured.
 */
export function sessionsOf(entries: readonly JournalEntry[]): SessionFacts[] {
	const byRoom = new Map<string, { facts: SessionFacts; writtenAt: number }>();
	for (const entry of entries) {
		if (entry.type !== 'reflection' || !entry.session) continue;
		const known = byRoom.get(entry.session.roomId);
		if (!known || entry.createdAt < known.writtenAt) {
			byRoom.set(entry.session.roomId, { facts: entry.session, writtenAt: entry.createdAt });
		}
	}
	for (const entry of entries) {
		if (entry.type !== 'attended' || byRoom.has(entry.roomId)) continue;
		byRoom.set(entry.roomId, { facts: attendedSessionFacts(entry), writtenAt: entry.createdAt });
	}
	return [...byRoom.values()].map(({ facts }) => facts).sort((a, b) => a.date - b.date);
}

/**
 * When each real feedback conversation was held: noon of the day it was planned for (a
 * check-in falls due at the midnight after that day), for every follow-up answered as done.
 */
export function feedbackConversationsHeld(entries: readonly JournalEntry[]): number[] {
	return entries
		.filter(
			(entry): entry is CheckInEntry =>
				entry.type === 'check-in' &&
				entry.subject === 'feedback-conversation' &&
				entry.answeredAt !== null &&
				entry.done
		)
		.map((entry) => entry.dueAt - DAY_MS / 2)
		.sort((a, b) => a - b);
}

const emptyWeek = (week: string): WeekPractice => ({
	week,
	sessions: 0,
	minutes: 0,
	paraphrases: 0,
	feedbackHeld: 0,
	skills: {}
});

/** The last `count` weeks up to the current one, oldest first, each with its practice. */
export function weeklyPractice(
	entries: readonly JournalEntry[],
	ctx: MetricsContext,
	count: number
): WeekPractice[] {
	const weeks = new Map(
		lastWeeks(localWeekKey(ctx.now, ctx.timeZone), count).map((w) => [w, emptyWeek(w)])
	);
	for (const session of sessionsOf(entries)) {
		const week = weeks.get(localWeekKey(session.date, ctx.timeZone));
		if (!week) continue;
		week.sessions += 1;
		week.minutes += Math.round(session.durationMs / MINUTE_MS);
		week.paraphrases += session.paraphrasesWritten;
		for (const skill of session.skills) week.skills[skill] = (week.skills[skill] ?? 0) + 1;
	}
	for (const heldAt of feedbackConversationsHeld(entries)) {
		const week = weeks.get(localWeekKey(heldAt, ctx.timeZone));
		if (week) week.feedbackHeld += 1;
	}
	return [...weeks.values()];
}

const point = (at: number, value: number, timeZone: string): TrendPoint => ({
	at,
	date: localDateKey(at, timeZone),
	value
});

/**
 * The felt-understanding ratings received, one point per session with ratings: their average
 * (to one decimal), oldest first.
 */
export function ratingsOverTime(entries: readonly JournalEntry[], timeZone: string): TrendPoint[] {
	return sessionsOf(entries)
		.filter((session) => session.ratingsReceived.length > 0)
		.map((session) => {
			const sum = session.ratingsReceived.reduce((total, rating) => total + rating, 0);
			return point(
				session.date,
				Math.round((sum / session.ratingsReceived.length) * 10) / 10,
				timeZone
			);
		});
}

/** When a reflection's confidence was felt: at its session, or when it was written. */
const reflectedAt = (entry: ReflectionEntry) => entry.session?.date ?? entry.createdAt;

/** Self-rated confidence over time, one line per skill reflected on, skills in a fixed order. */
export function confidenceBySkill(
	entries: readonly JournalEntry[],
	timeZone: string
): { skill: Skill; points: TrendPoint[] }[] {
	const bySkill = new Map<Skill, TrendPoint[]>();
	for (const entry of entries) {
		if (entry.type !== 'reflection') continue;
		const at = reflectedAt(entry);
		bySkill.set(entry.skill, [
			...(bySkill.get(entry.skill) ?? []),
			point(at, entry.confidence, timeZone)
		]);
	}
	return [...bySkill]
		.map(([skill, points]) => ({ skill, points: points.sort((a, b) => a.at - b.at) }))
		.sort((a, b) => a.skill.localeCompare(b.skill));
}

/** Totals over the whole journal, for the page's headline. */
export function practiceTotals(entries: readonly JournalEntry[]) {
	const sessions = sessionsOf(entries);
	return {
		sessions: sessions.length,
		minutes: sessions.reduce((sum, s) => sum + Math.round(s.durationMs / MINUTE_MS), 0),
		paraphrases: sessions.reduce((sum, s) => sum + s.paraphrasesWritten, 0),
		feedbackHeld: feedbackConversationsHeld(entries).length
	};
}
