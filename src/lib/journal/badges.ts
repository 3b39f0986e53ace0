import { assertNever } from '$lib/assert-never';
import { m } from '$lib/paraglide/messages';
import type { JournalEntry, ShoutOutEntry } from './entry';
import { localDateKey, monthOf } from './metrics-dates';
import { feedbackConversationsHeld, sessionsOf } from './metrics';

export const BADGE_IDS = [
	'first-session',
	'five-in-a-month',
	'first-feedback-conversation',
	'kind-under-pressure'
] as const;
export type BadgeId = (typeof BADGE_IDS)[number];

/** A badge for practising, never for ranking: each is about one person's own practice. */
export interface Badge {
	id: BadgeId;
	title: string;
	/** What earns it, in plain words. */
	description: string;
	/** When it was earned, or null while it is still ahead. */
	earnedAt: number | null;
}

/** A badge's name and what earns it, in the person's language. */
function wordsOf(id: BadgeId): { title: string; description: string } {
	switch (id) {
		case 'first-session':
			return {
				title: m.practice_badge_first_session(),
				description: m.practice_badge_first_session_description()
			};
		case 'five-in-a-month':
			return {
				title: m.practice_badge_five_in_a_month(),
				description: m.practice_badge_five_in_a_month_description()
			};
		case 'first-feedback-conversation':
			return {
				title: m.practice_badge_first_feedback(),
				description: m.practice_badge_first_feedback_description()
			};
		case 'kind-under-pressure':
			return {
				title: m.practice_badge_kind_under_pressure(),
				description: m.practice_badge_kind_under_pressure_description()
			};
		default:
			return assertNever(id);
	}
}

/** When the fifth session of a calendar month (in `timeZone`) happened, the first time ever. */
function fifthInAMonth(sessionDates: readonly number[], timeZone: string): number | null {
	const perMonth = new Map<string, number>();
	for (const at of sessionDates) {
		const month = monthOf(localDateKey(at, timeZone));
		const count = (perMonth.get(month) ?? 0) + 1;
		perMonth.set(month, count);
		if (count === 5) return at;
	}
	return null;
}

/**
 * When this person first took part in a room, by anything the room left in the journal: a
 * reflection on the session, a commitment's follow-up, a shout-out received there, or the
 * attendance record taking part leaves. Taking part without writing anything still counts.
 */
function firstTookPart(entries: readonly JournalEntry[]): number | null {
	const dates = entries.flatMap((entry): number[] => {
		switch (entry.type) {
			case 'reflection':
				return entry.session ? [entry.session.date] : [];
			case 'check-in':
				return [entry.sessionDate];
			case 'shout-out':
				return [entry.date];
			case 'attended':
				return [entry.date];
			case 'pulse':
				return [];
			default:
				return assertNever(entry);
		}
	});
	return dates.length === 0 ? null : Math.min(...dates);
}

/** Every badge, earned or still ahead, in a fixed order. Dates are the moment each was earned. */
export function badgesOf(entries: readonly JournalEntry[], timeZone: string): Badge[] {
	const sessionDates = sessionsOf(entries).map((session) => session.date);
	const nominations = entries
		.filter(
			(entry): entry is ShoutOutEntry => entry.type === 'shout-out' && entry.kindUnderPressure
		)
		.map((entry) => entry.date)
		.sort((a, b) => a - b);
	const earnedAt: Record<BadgeId, number | null> = {
		'first-session': firstTookPart(entries),
		'five-in-a-month': fifthInAMonth(sessionDates, timeZone),
		'first-feedback-conversation': feedbackConversationsHeld(entries)[0] ?? null,
		'kind-under-pressure': nominations[0] ?? null
	};
	return BADGE_IDS.map((id) => ({ id, ...wordsOf(id), earnedAt: earnedAt[id] }));
}
