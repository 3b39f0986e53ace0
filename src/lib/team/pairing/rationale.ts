import { assertNever } from '../../assert-never';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Energy } from '../../protocol/pairing';
import type { Skill } from '../../protocol/playbook';
import type { GroupMember } from './pair-plan';
import { pairReasons } from './pair-score';
import { weekdayNames } from './weekday-names';
import type { Interval } from './working-hours';
import { clockOf, wallTimeAt } from './zoned-time';

/** Skills as people say them in a sentence, in their language ("giving feedback"). */
export function skillWords(skill: Skill): string {
	switch (skill) {
		case 'listening':
			return m.team_skill_listening();
		case 'feedback':
			return m.team_skill_feedback();
		case 'empathy':
			return m.team_skill_empathy();
		case 'collaboration':
			return m.team_skill_collaboration();
		case 'coaching':
			return m.team_skill_coaching();
		case 'recognition':
			return m.team_skill_recognition();
		case 'problem-solving':
			return m.team_skill_problem_solving();
		case 'trust':
			return m.team_skill_trust();
		default:
			return assertNever(skill);
	}
}

/** ISO weekdays as "Tue–Thu", "Mon, Wed" or "Mon–Wed, Fri", named in the reader's language. */
export function dayRanges(days: readonly number[]): string {
	const dayNames = weekdayNames(getLocale());
	const sorted = [...new Set(days)].sort((a, b) => a - b);
	const runs: number[][] = [];
	for (const day of sorted) {
		const run = runs.at(-1);
		if (run && run.at(-1) === day - 1) run.push(day);
		else runs.push([day]);
	}
	const name = (day: number) => dayNames[day - 1] ?? '';
	return runs
		.map((run) => {
			const first = run[0] ?? 0;
			const last = run.at(-1) ?? first;
			if (run.length >= 3) return `${name(first)}–${name(last)}`;
			return run.map(name).join(', ');
		})
		.join(', ');
}

const timesIn = (interval: Interval, zone: string) => {
	const start = wallTimeAt(interval.start, zone);
	const end = wallTimeAt(interval.end, zone);
	return {
		weekday: start.weekday,
		span: `${clockOf(start.hour * 60 + start.minute)}–${clockOf(end.hour * 60 + end.minute)}`
	};
};

/**
 * The overlap in words, for someone in `zone`: the days sharing the most usual span, in their
 * own time, and the same stretch in each partner's time, with the partner's own days when their
 * clock puts it on other days: "Tue–Thu 14:00–16:00 your time (16:00–18:00 for Ana)", "Tue–Fri
 * 06:00–13:00 your time (Mon–Thu 09:00–16:00 for Ben)", in the reader's language.
 */
export function describeOverlap(
	overlap: readonly Interval[],
	zone: string,
	partners: readonly { name: string; timeZone: string }[]
): string {
	const bySpan = new Map<string, Interval[]>();
	for (const interval of overlap) {
		const { span } = timesIn(interval, zone);
		bySpan.set(span, [...(bySpan.get(span) ?? []), interval]);
	}
	const stretches = [...bySpan.values()].sort((a, b) => b.length - a.length)[0];
	if (!stretches) return '';
	/** The stretches' days and (first) span in `timeZone`. */
	const daysAndSpan = (timeZone: string) => {
		const times = stretches.map((interval) => timesIn(interval, timeZone));
		return {
			days: dayRanges(times.map(({ weekday }) => weekday)),
			span: times[0]?.span ?? ''
		};
	};
	const mine = daysAndSpan(zone);
	const theirs = partners
		.map((partner) => ({ name: partner.name, ...daysAndSpan(partner.timeZone) }))
		.filter((other) => other.span !== mine.span || other.days !== mine.days)
		.map(({ name, days, span }) =>
			days === mine.days
				? m.team_overlap_theirs({ span, name })
				: m.team_overlap_theirs_days({ days, span, name })
		);
	const said = m.team_overlap_mine(mine);
	return theirs.length ? `${said} (${theirs.join('; ')})` : said;
}

/** That everyone in the group prefers the same part of the day. */
function samePreference(energy: Exclude<Energy, 'no-preference'>, all: boolean): string {
	switch (energy) {
		case 'mornings':
			return all ? m.team_why_all_mornings() : m.team_why_both_mornings();
		case 'afternoons':
			return all ? m.team_why_all_afternoons() : m.team_why_both_afternoons();
		default:
			return assertNever(energy);
	}
}

/**
 * Why `viewer` was paired with the others, in plain words they can check, e.g. "Ana's strength
 * giving feedback is your stretch goal; you overlap Tue–Thu 14:00–16:00 your time (16:00–18:00
 * for Ana); you both prefer afternoons."
 */
export function rationale(
	viewer: GroupMember,
	others: readonly GroupMember[],
	overlap: readonly Interval[]
): string {
	const parts: string[] = [];
	for (const other of others) {
		const reasons = pairReasons(viewer.card, other.card, 0);
		const name = other.card.name;
		for (const skill of reasons.bTeachesA) {
			parts.push(m.team_why_their_strength({ name, skill: skillWords(skill) }));
		}
		for (const skill of reasons.aTeachesB) {
			parts.push(m.team_why_your_strength({ name, skill: skillWords(skill) }));
		}
	}
	const when = describeOverlap(
		overlap,
		viewer.card.timeZone,
		others.map(({ card }) => ({ name: card.name, timeZone: card.timeZone }))
	);
	if (when) parts.push(m.team_why_overlap({ when }));
	const energy = viewer.card.energy;
	if (energy !== 'no-preference' && others.every(({ card }) => card.energy === energy)) {
		parts.push(samePreference(energy, others.length > 1));
	}
	const sentence = parts.join('; ');
	return sentence ? `${sentence.charAt(0).toLocaleUpperCase()}${sentence.slice(1)}.` : '';
}
