import type { PairingCard } from '../../protocol/pairing';
import type { Skill } from '../../protocol/playbook';
import { DAY_MS } from '../../time-units';
import { sharedHours, type Hours, type Interval } from './working-hours';

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

const SLOT_MS = 30 * 60 * 1000;

/**
 * A first slot: the first 30 minutes of the first shared stretch that begins at least a day
 * after `after` (or, when none does in the next nine days, the first that begins after it). It starts where everyone's shared hours begin, never at the minute the round
 * was made: a round made during a stretch would otherwise suggest, say, 15:47 the next day.
 */
export function firstSlot(
	people: readonly [Hours, ...Hours[]],
	after: number
): Interval | undefined {
	const earliest = after + DAY_MS;
	// Every stretch of the week begins in the seven days from `earliest`, and ends in the eighth.
	const stretches = sharedHours(people, after, 9).filter(
		({ start, end }) => end - start >= SLOT_MS
	);
	// A week whose clocks change can leave no later stretch in those days: then the first one
	// still to begin, however soon, rather than none.
	const stretch =
		stretches.find(({ start }) => start >= earliest) ??
		stretches.find(({ start }) => start >= after);
	return stretch && { start: stretch.start, end: stretch.start + SLOT_MS };
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
