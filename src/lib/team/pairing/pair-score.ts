import type { PairingCard, Energy } from '../../protocol/pairing';
import type { Skill } from '../../protocol/playbook';

/** What makes two cards a good pair, for the weight and for the words that explain it. */
export interface PairReasons {
	/** `a`'s strengths that are `b`'s stretch goals. */
	aTeachesB: Skill[];
	bTeachesA: Skill[];
	overlapMinutes: number;
	/** The energy pattern both share, unless either has none. */
	sharedEnergy?: Exclude<Energy, 'no-preference'>;
	/** Preferences met: someone outside the usual team, a peer at a similar level. */
	outsideTeam: boolean;
	similarLevel: boolean;
}

const sameText = (a: string | undefined, b: string | undefined) =>
	a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

export function pairReasons(a: PairingCard, b: PairingCard, overlapMinutes: number): PairReasons {
	const wants = (pref: 'outside-my-team' | 'similar-level') =>
		a.preferences.includes(pref) || b.preferences.includes(pref);
	const energy = a.energy === b.energy && a.energy !== 'no-preference' ? a.energy : undefined;
	return {
		aTeachesB: a.strengths.filter((skill) => b.stretchGoals.includes(skill)),
		bTeachesA: b.strengths.filter((skill) => a.stretchGoals.includes(skill)),
		overlapMinutes,
		...(energy ? { sharedEnergy: energy } : {}),
		outsideTeam:
			wants('outside-my-team') &&
			a.usualTeam !== undefined &&
			b.usualTeam !== undefined &&
			!sameText(a.usualTeam, b.usualTeam),
		similarLevel: wants('similar-level') && a.level !== undefined && a.level === b.level
	};
}

/**
 * A pair's weight for the matching, a positive whole number. Complementary skills weigh most
 * (each strength that is the other's stretch goal counts 20), then overlap (2 per hour, up to
 * ten hours), then a shared energy pattern (6) and each preference met (4). Never below 1, so
 * every allowed pair is worth making.
 */
export function pairWeight(reasons: PairReasons): number {
	return (
		1 +
		20 * (reasons.aTeachesB.length + reasons.bTeachesA.length) +
		2 * Math.floor(Math.min(reasons.overlapMinutes, 600) / 60) +
		(reasons.sharedEnergy ? 6 : 0) +
		(reasons.outsideTeam ? 4 : 0) +
		(reasons.similarLevel ? 4 : 0)
	);
}
