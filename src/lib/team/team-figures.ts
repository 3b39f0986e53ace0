import { weeksFrom } from '../journal/metrics-dates';
import type { Skill } from '../protocol/playbook';
import { MAX_SHARED_WEEKS, type StoredShare, type TeamFigures } from '../protocol/team';

/**
 * Sums members' shares into team totals: per week (every week from the first shared to the
 * last, at most the latest MAX_SHARED_WEEKS, weeks nobody practised as zeros), over those weeks,
 * and per skill. Nothing in the result tells one member from another.
 */
export function teamFigures(shares: readonly StoredShare[]): TeamFigures {
	const entries = shares.flatMap((share) => share.weeks);
	const known = entries.map((entry) => entry.week).sort();
	const range =
		known.length === 0 ? [] : weeksFrom(known[0]!, known.at(-1)!).slice(-MAX_SHARED_WEEKS);
	const byWeek = new Map(range.map((week) => [week, { week, sessions: 0, minutes: 0 }]));
	const bySkill = new Map<Skill, number>();
	for (const { week, sessions, minutes, skills } of entries) {
		const sum = byWeek.get(week);
		if (!sum) continue;
		sum.sessions += sessions;
		sum.minutes += minutes;
		for (const [skill, count] of Object.entries(skills) as [Skill, number][]) {
			bySkill.set(skill, (bySkill.get(skill) ?? 0) + count);
		}
	}
	const weeks = [...byWeek.values()];
	return {
		totals: {
			sessions: weeks.reduce((sum, w) => sum + w.sessions, 0),
			minutes: weeks.reduce((sum, w) => sum + w.minutes, 0)
		},
		weeks,
		skills: [...bySkill]
			.filter(([, sessions]) => sessions > 0)
			.map(([skill, sessions]) => ({ skill, sessions }))
			.sort((a, b) => b.sessions - a.sessions || a.skill.localeCompare(b.skill))
	};
}
