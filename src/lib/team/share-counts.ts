import type { JournalEntry } from '../journal/entry';
import { weeklyPractice, type MetricsContext } from '../journal/metrics';
import type { WeekCounts } from '../protocol/team';

/** Weeks a share covers: the current one and the eleven before, about a quarter. */
export const SHARED_WEEKS = 12;

/**
 * What a member shares with a team: per week, the number of sessions, the minutes and the
 * sessions per skill, weeks without practice as zeros. Counts only: no text, no playbook, no
 * date finer than a week, nothing from follow-ups, shout-outs or the pulse.
 */
export function shareCounts(entries: readonly JournalEntry[], ctx: MetricsContext): WeekCounts[] {
	return weeklyPractice(entries, ctx, SHARED_WEEKS).map(({ week, sessions, minutes, skills }) => ({
		week,
		sessions,
		minutes,
		skills
	}));
}
