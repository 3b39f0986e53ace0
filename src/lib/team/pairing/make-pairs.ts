import blossom from 'edmonds-blossom';
import { MIN_OVERLAP_MINUTES, type PairingCard, type StoredRound } from '../../protocol/pairing';
import { pairReasons, pairWeight } from './pair-score';
import { everyonesIntervals, intersect, minutesIn, WEEK_DAYS } from './working-hours';
import { rememberingInstantOf } from './zoned-time';

/** Someone in this round's pool: their card and their private exclusions. */
export interface Candidate {
	cardId: string;
	card: PairingCard;
	avoid: readonly string[];
}

export interface Pairing {
	/** Pairs, and at most one trio, each listed by card id. */
	groups: string[][];
	/** Those nobody could be paired with: every other was excluded or had too little overlap. */
	unpaired: string[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** The pairs someone found not a good fit in `rounds`, each once, smaller id first. */
export function notAFitPairs(rounds: readonly StoredRound[]): [string, string][] {
	return [...pastMeetings(rounds).notAFit].map((key) => {
		const [a = '', b = ''] = key.split(' ');
		return [a, b];
	});
}

/** Who has met whom in past rounds, and the pairs someone found not a good fit. */
export function pastMeetings(rounds: readonly StoredRound[]): {
	met: Map<string, Set<string>>;
	notAFit: Set<string>;
} {
	const met = new Map<string, Set<string>>();
	const notAFit = new Set<string>();
	for (const { groups } of rounds) {
		for (const group of groups) {
			const saidNo = group.members.some((id) => group.fits[id] === 'not-a-good-fit');
			for (const a of group.members) {
				for (const b of group.members) {
					if (a === b) continue;
					let seen = met.get(a);
					if (!seen) met.set(a, (seen = new Set()));
					seen.add(b);
					if (saidNo) notAFit.add(pairKey(a, b));
				}
			}
		}
	}
	return { met, notAFit };
}

/**
 * Pairs this round's pool as a maximum-weight matching among the largest number of pairs
 * (Edmonds' Blossom algorithm), over every allowed pair at once. A pair is allowed unless
 * either excluded the other, one of them found the other not a good fit, they overlap under
 * MIN_OVERLAP_MINUTES in the week from `weekFrom`, or they met before while either has someone
 * allowed they have not met yet (the repeat cooldown). When someone is left over, they join the
 * pair they are allowed with both of and weigh most with: one trio at most.
 */
export function makePairs(
	pool: readonly Candidate[],
	rounds: readonly StoredRound[],
	weekFrom: number,
	/** Pairs found not a good fit in rounds no longer kept. */
	apart: readonly (readonly [string, string])[] = [],
	/** Places working hours: one that remembers, shared by pairings of the same pool. */
	place = rememberingInstantOf()
): Pairing {
	const people = [...pool].sort((a, b) => (a.cardId < b.cardId ? -1 : 1));
	const { met, notAFit } = pastMeetings(rounds);
	for (const [a, b] of apart) notAFit.add(pairKey(a, b));
	const hours = everyonesIntervals(
		people.map(({ card }) => ({ hours: card.hours, zone: card.timeZone })),
		weekFrom,
		WEEK_DAYS,
		place
	);

	// Hard constraints but the cooldown first: whom each person may meet at all.
	const weight = new Map<string, number>();
	const allowed: Set<number>[] = people.map(() => new Set());
	for (let i = 0; i < people.length; i++) {
		for (let j = i + 1; j < people.length; j++) {
			const a = people[i];
			const b = people[j];
			const ha = hours[i];
			const hb = hours[j];
			if (!a || !b || !ha || !hb) continue;
			if (a.avoid.includes(b.cardId) || b.avoid.includes(a.cardId)) continue;
			if (notAFit.has(pairKey(a.cardId, b.cardId))) continue;
			const overlap = minutesIn(intersect(ha, hb));
			if (overlap < MIN_OVERLAP_MINUTES) continue;
			allowed[i]?.add(j);
			allowed[j]?.add(i);
			weight.set(`${i} ${j}`, pairWeight(pairReasons(a.card, b.card, overlap)));
		}
	}
	// The cooldown: someone who has met everyone they may meet may meet them again.
	const hasMet = (i: number, j: number) =>
		met.get(people[i]?.cardId ?? '')?.has(people[j]?.cardId ?? '') ?? false;
	const metAll = people.map((_, i) => [...(allowed[i] ?? [])].every((j) => hasMet(i, j)));
	const edgeWeight = (i: number, j: number): number | undefined => {
		const [low, high] = i < j ? [i, j] : [j, i];
		const base = weight.get(`${low} ${high}`);
		if (base === undefined) return undefined;
		if (!hasMet(i, j)) return base;
		return metAll[i] && metAll[j] ? base : undefined;
	};

	const edges: [number, number, number][] = [];
	for (let i = 0; i < people.length; i++) {
		for (const j of allowed[i] ?? []) {
			const w = j > i ? edgeWeight(i, j) : undefined;
			if (w !== undefined) edges.push([i, j, w]);
		}
	}
	const mate = blossom(edges, true);
	const groups: number[][] = [];
	const left: number[] = [];
	for (let i = 0; i < people.length; i++) {
		const j = mate[i] ?? -1;
		if (j === -1) left.push(i);
		else if (i < j) groups.push([i, j]);
	}

	const leftOver = left[0];
	if (leftOver !== undefined) {
		let best: { group: number[]; gain: number } | undefined;
		for (const group of groups) {
			const gains = group.map((member) => edgeWeight(leftOver, member));
			if (gains.some((gain) => gain === undefined)) continue;
			const gain = gains.reduce((sum: number, g) => sum + (g ?? 0), 0);
			if (!best || gain > best.gain) best = { group, gain };
		}
		if (best) {
			best.group.push(leftOver);
			left.shift();
		}
	}
	const idOf = (i: number) => people[i]?.cardId ?? '';
	return { groups: groups.map((group) => group.map(idOf)), unpaired: left.map(idOf) };
}
