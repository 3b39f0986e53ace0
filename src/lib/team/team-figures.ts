import { localWeekKey, weeksFrom } from '../journal/metrics-dates';
import type { Skill } from '../protocol/playbook';
import {
	MAX_SHARED_WEEKS,
	TEAM_THRESHOLD,
	type StoredShare,
	type TeamFigures,
	type WeekCounts
} from '../protocol/team';

/** A week a member practised in: at least one session. Zero counts are not practice. */
const practised = (entry: WeekCounts) => entry.sessions > 0;

/** The time zone whose week starts first: UTC+14. No member anywhere is in a later week. */
const EARLIEST_ZONE = 'Pacific/Kiritimati';

/**
 * The weeks among `weeks` that have not begun anywhere on Earth at `now`. A share naming one is
 * refused: it cannot be practice, and a far-off week would move the covered weeks.
 */
export function futureWeeks(weeks: readonly string[], now: number): string[] {
	const latest = localWeekKey(now, EARLIEST_ZONE);
	return weeks.filter((week) => week > latest);
}

/**
 * The weeks a team view covers: from the first week anyone practised to the last, at most the
 * latest MAX_SHARED_WEEKS. Weeks shared with zero counts do not stretch it, so a share of empty
 * weeks far from everyone else's cannot push the real weeks out of view.
 */
export function coveredWeeks(shares: readonly StoredShare[]): string[] {
	const weeks = shares
		.flatMap((share) => share.weeks.filter(practised))
		.map((entry) => entry.week)
		.sort();
	return weeks.length === 0 ? [] : weeksFrom(weeks[0]!, weeks.at(-1)!).slice(-MAX_SHARED_WEEKS);
}

/**
 * Members whose share carries practice in the covered weeks. Only they count toward the
 * threshold: a share of zeros adds nothing to the sums, so counting it would let two empty
 * shares unmask the one real member (docs/security.md, Team figures).
 */
export function contributorCount(shares: readonly StoredShare[]): number {
	const covered = new Set(coveredWeeks(shares));
	return shares.filter((share) =>
		share.weeks.some((entry) => practised(entry) && covered.has(entry.week))
	).length;
}

/**
 * Sums members' shares into team figures in which every number mixes at least `threshold`
 * members: a week is shown only when that many practised in it (otherwise its counts are null),
 * the totals add up the shown weeks, and a skill is listed only when that many practised it in
 * the shown weeks. A week or skill one member has to themselves would otherwise be their own
 * counts, readable by everyone with the link. Nothing in the result tells one member from
 * another.
 */
export function teamFigures(
	shares: readonly StoredShare[],
	threshold = TEAM_THRESHOLD
): TeamFigures {
	const byWeek = new Map(coveredWeeks(shares).map((week) => [week, [] as WeekCounts[]]));
	for (const share of shares) {
		for (const entry of share.weeks.filter(practised)) byWeek.get(entry.week)?.push(entry);
	}
	const weeks = [...byWeek].map(([week, counts]) =>
		counts.length < threshold
			? { week, sessions: null, minutes: null }
			: {
					week,
					sessions: counts.reduce((sum, entry) => sum + entry.sessions, 0),
					minutes: counts.reduce((sum, entry) => sum + entry.minutes, 0)
				}
	);
	const shownWeeks = new Set(weeks.filter((w) => w.sessions !== null).map((w) => w.week));
	const skillSessions = new Map<Skill, number>();
	const skillMembers = new Map<Skill, Set<number>>();
	shares.forEach((share, member) => {
		for (const entry of share.weeks) {
			if (!practised(entry) || !shownWeeks.has(entry.week)) continue;
			// reason: Object.entries widens the keys to string; the schema made them skills.
			for (const [skill, count] of Object.entries(entry.skills) as [Skill, number][]) {
				if (count <= 0) continue;
				skillSessions.set(skill, (skillSessions.get(skill) ?? 0) + count);
				skillMembers.set(skill, (skillMembers.get(skill) ?? new Set()).add(member));
			}
		}
	});
	return {
		totals: {
			sessions: weeks.reduce((sum, w) => sum + (w.sessions ?? 0), 0),
			minutes: weeks.reduce((sum, w) => sum + (w.minutes ?? 0), 0)
		},
		weeks,
		skills: [...skillSessions]
			.filter(([skill]) => (skillMembers.get(skill)?.size ?? 0) >= threshold)
			.map(([skill, sessions]) => ({ skill, sessions }))
			.sort((a, b) => b.sessions - a.sessions || a.skill.localeCompare(b.skill))
	};
}
