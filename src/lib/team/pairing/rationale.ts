import type { PairingCard } from '../../protocol/pairing';
import type { Skill } from '../../protocol/playbook';
import { pairReasons } from './pair-score';
import type { Interval } from './working-hours';
import { clockOf, wallTimeAt } from './zoned-time';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Skills as people say them. */
const SKILL_WORDS: Record<Skill, string> = {
	listening: 'listening',
	feedback: 'giving feedback',
	empathy: 'empathy',
	collaboration: 'collaboration',
	coaching: 'coaching',
	recognition: 'recognition',
	'problem-solving': 'problem solving',
	trust: 'building trust'
};
export const skillWords = (skill: Skill): string => SKILL_WORDS[skill];

/** ISO weekdays as "Tue–Thu", "Mon, Wed" or "Mon–Wed, Fri". */
export function dayRanges(days: readonly number[]): string {
	const sorted = [...new Set(days)].sort((a, b) => a - b);
	const runs: number[][] = [];
	for (const day of sorted) {
		const run = runs.at(-1);
		if (run && run.at(-1) === day - 1) run.push(day);
		else runs.push([day]);
	}
	const name = (day: number) => DAY_NAMES[day - 1] ?? '';
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
 * own time, and the same stretch in each partner's time: "Tue–Thu 14:00–16:00 your time
 * (16:00–18:00 for Ana)".
 */
export function describeOverlap(
	overlap: readonly Interval[],
	zone: string,
	partners: readonly { name: string; timeZone: string }[]
): string {
	const bySpan = new Map<string, { days: number[]; first: Interval }>();
	for (const interval of overlap) {
		const { weekday, span } = timesIn(interval, zone);
		const entry = bySpan.get(span);
		if (entry) entry.days.push(weekday);
		else bySpan.set(span, { days: [weekday], first: interval });
	}
	const [span, entry] = [...bySpan].sort((a, b) => b[1].days.length - a[1].days.length)[0] ?? [];
	if (!span || !entry) return '';
	const theirs = partners
		.map((partner) => ({ partner, span: timesIn(entry.first, partner.timeZone).span }))
		.filter((other) => other.span !== span)
		.map((other) => `${other.span} for ${other.partner.name}`);
	return `${dayRanges(entry.days)} ${span} your time${theirs.length ? ` (${theirs.join('; ')})` : ''}`;
}

/** A group member as the rationale needs them. */
export interface GroupMember {
	cardId: string;
	card: PairingCard;
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
			parts.push(`${name}'s strength ${skillWords(skill)} is your stretch goal`);
		}
		for (const skill of reasons.aTeachesB) {
			parts.push(`your strength ${skillWords(skill)} is ${name}'s stretch goal`);
		}
	}
	const when = describeOverlap(
		overlap,
		viewer.card.timeZone,
		others.map(({ card }) => ({ name: card.name, timeZone: card.timeZone }))
	);
	if (when) parts.push(`you overlap ${when}`);
	const energy = viewer.card.energy;
	if (energy !== 'no-preference' && others.every(({ card }) => card.energy === energy)) {
		parts.push(`${others.length > 1 ? 'you all' : 'you both'} prefer ${energy}`);
	}
	const sentence = parts.join('; ');
	return sentence ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` : '';
}

/** The stretch goals a group can help with: each one someone else there has as a strength. */
export function sharedGrowth(members: readonly GroupMember[]): Skill[] {
	const skills = new Set<Skill>();
	for (const learner of members) {
		for (const goal of learner.card.stretchGoals) {
			if (members.some((m) => m !== learner && m.card.strengths.includes(goal))) skills.add(goal);
		}
	}
	return [...skills];
}

/** A first slot: the first 30 minutes of overlap that start at least a day after `after`. */
export function firstSlot(overlap: readonly Interval[], after: number): Interval | undefined {
	const earliest = after + 24 * 60 * 60 * 1000;
	const minutes30 = 30 * 60 * 1000;
	for (const { start, end } of overlap) {
		const begin = Math.max(start, earliest);
		if (end - begin >= minutes30) return { start: begin, end: begin + minutes30 };
	}
	const first = overlap[0];
	return first && first.end - first.start >= minutes30
		? { start: first.start, end: first.start + minutes30 }
		: undefined;
}

/** A playbook for two that practises the first of `skills` any playbook covers. */
export function suggestPlaybook<P extends { id: string; skills: readonly Skill[] }>(
	skills: readonly Skill[],
	playbooks: readonly P[]
): P | undefined {
	for (const skill of skills) {
		const found = playbooks.find((playbook) => playbook.skills.includes(skill));
		if (found) return found;
	}
	return playbooks[0];
}
