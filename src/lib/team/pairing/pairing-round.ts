import {
	MAX_APART_PAIRS,
	MAX_KEPT_ROUNDS,
	type PairingFit,
	type PairingView,
	type StoredCard,
	type StoredPairing
} from '../../protocol/pairing';
import type { Skill } from '../../protocol/playbook';
import { makePairs, notAFitPairs } from './make-pairs';
import { sharedGrowth, suggestPlaybook } from './pair-plan';
import { scheduleAfterRound, type RoundMaker } from './round-schedule';

/** A playbook the suggestion may pick: one a group of `size` can play. */
export interface PlaybookChoice {
	id: string;
	skills: readonly Skill[];
	groupSize: { min: number; max: number };
}

/**
 * The pairing with a new round over the cards opted in at `now`, the oldest rounds dropped past
 * MAX_KEPT_ROUNDS. Each group carries a playbook for a stretch goal someone in it can help with.
 * Under a cadence the schedule is written down with the due time the round answers, which
 * depends on whether it was made by hand or by the cadence (TP3).
 */
export function withNewRound(
	pairing: StoredPairing,
	cards: readonly StoredCard[],
	now: number,
	playbooks: readonly PlaybookChoice[],
	madeBy: RoundMaker
): StoredPairing {
	const pool = cards.filter(({ card }) => card.optedIn);
	const { groups, unpaired } = makePairs(pool, pairing.rounds, now, pairing.apart);
	const byId = new Map(pool.map((stored) => [stored.cardId, stored]));
	const round = (pairing.rounds.at(-1)?.round ?? 0) + 1;
	const next = {
		round,
		madeAt: now,
		unpaired,
		groups: groups.map((members) => {
			const cardsOf = members.flatMap((id) => {
				const found = byId.get(id);
				return found ? [found] : [];
			});
			const fitting = playbooks.filter(
				(p) => p.groupSize.min <= members.length && members.length <= p.groupSize.max
			);
			const playbook = suggestPlaybook(sharedGrowth(cardsOf), fitting);
			return { members, fits: {}, ...(playbook ? { playbookId: playbook.id } : {}) };
		})
	};
	const rounds = [...pairing.rounds, next];
	const schedule = scheduleAfterRound(pairing, now, madeBy);
	const dropped = rounds.slice(0, -MAX_KEPT_ROUNDS);
	if (dropped.length === 0) return { ...pairing, ...schedule, rounds };
	// A "not a good fit" in a round that is dropped is kept apart, or the next round could
	// pair them again (anyone may press Make pairs as often as LP1 allows).
	const kept = new Map(
		[...(pairing.apart ?? []), ...notAFitPairs(dropped)].map((pair) => [pair.join(' '), pair])
	);
	return {
		...pairing,
		...schedule,
		rounds: rounds.slice(-MAX_KEPT_ROUNDS),
		apart: [...kept.values()].slice(-MAX_APART_PAIRS)
	};
}

/**
 * The pairing with `cardId`'s answer to the fit question for their group of the latest round;
 * undefined when they are in none.
 */
export function withFit(
	pairing: StoredPairing,
	cardId: string,
	fit: PairingFit
): StoredPairing | undefined {
	const latest = pairing.rounds.at(-1);
	const index = latest?.groups.findIndex((group) => group.members.includes(cardId)) ?? -1;
	const group = latest?.groups[index];
	if (!latest || !group) return undefined;
	const groups = latest.groups.with(index, { ...group, fits: { ...group.fits, [cardId]: fit } });
	return { ...pairing, rounds: [...pairing.rounds.slice(0, -1), { ...latest, groups }] };
}

/** The latest round's group of `cardId`, with its index. */
export function groupOf(pairing: StoredPairing, cardId: string) {
	const groups = pairing.rounds.at(-1)?.groups ?? [];
	const index = groups.findIndex((group) => group.members.includes(cardId));
	const group = groups[index];
	return group ? { index, group } : undefined;
}

/** The pairing with a room for the latest round's group `index`, unless it has one. */
export function withRoom(pairing: StoredPairing, index: number, roomId: string): StoredPairing {
	const latest = pairing.rounds.at(-1);
	const group = latest?.groups[index];
	if (!latest || !group || group.roomId) return pairing;
	const groups = latest.groups.with(index, { ...group, roomId });
	return { ...pairing, rounds: [...pairing.rounds.slice(0, -1), { ...latest, groups }] };
}

/**
 * What anyone with the space link sees: public cards (never the private list, usual team or
 * level) and the latest round without its fit answers; a group with a "not a good fit" is ended.
 */
export function pairingView(cards: readonly StoredCard[], pairing: StoredPairing): PairingView {
	const latest = pairing.rounds.at(-1);
	return {
		cadence: pairing.cadence,
		cards: cards
			.map(({ cardId, card }) => ({
				cardId,
				name: card.name,
				strengths: card.strengths,
				...(card.strengthsNote ? { strengthsNote: card.strengthsNote } : {}),
				stretchGoals: card.stretchGoals,
				...(card.stretchNote ? { stretchNote: card.stretchNote } : {}),
				timeZone: card.timeZone,
				hours: card.hours,
				energy: card.energy,
				optedIn: card.optedIn
			}))
			.sort((a, b) => a.name.localeCompare(b.name) || a.cardId.localeCompare(b.cardId)),
		...(latest
			? {
					round: {
						round: latest.round,
						madeAt: latest.madeAt,
						unpaired: latest.unpaired,
						groups: latest.groups.map((group) => ({
							members: group.members,
							...(group.roomId ? { roomId: group.roomId } : {}),
							...(group.playbookId ? { playbookId: group.playbookId } : {}),
							ended: Object.values(group.fits).includes('not-a-good-fit')
						}))
					}
				}
			: {})
	};
}
