import type { PairingCard } from '../../protocol/pairing';
import type { Skill } from '../../protocol/playbook';
import type { Interval } from './working-hours';

/** A group member as the rationale needs them. */
export interface GroupMember {
	cardId: string;
	card: PairingCard;
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
