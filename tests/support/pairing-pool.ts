import type { PairingCard, StoredRound } from '../../src/lib/protocol/pairing';
import { SKILLS } from '../../src/lib/protocol/playbook';
import { makePairs, type Candidate } from '../../src/lib/team/pairing/make-pairs';
import { rememberingInstantOf } from '../../src/lib/team/pairing/zoned-time';
import type { Random } from '../fuzz/random';

/** A Monday: Berlin changes its clocks at the end of this week, so overlaps cross a change. */
export const WEEK = Date.parse('2026-03-23T00:00Z');
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];

/** A card with weekday office hours in UTC and nothing else, changed by `over`. */
export const card = (over: Partial<PairingCard> = {}): PairingCard => ({
	name: 'Someone',
	strengths: [],
	stretchGoals: [],
	timeZone: 'UTC',
	hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
	energy: 'no-preference',
	preferences: [],
	optedIn: true,
	...over
});

/** A past round of these groups, nobody having answered the fit question. */
export const round = (n: number, groups: string[][]): StoredRound => ({
	round: n,
	madeAt: 0,
	unpaired: [],
	groups: groups.map((members) => ({ members, fits: {} }))
});

/**
 * A random pool of `size` with zones, exclusions and some rounds of history, paired with `place`
 * (`makePairs`).
 */
export function randomPool(
	random: Random,
	size: number,
	maxRounds = 4,
	place = rememberingInstantOf()
) {
	const pick = <T>(list: readonly T[]) => list[random.int(0, list.length - 1)] as T;
	const some = <T>(list: readonly T[], max: number) => [
		...new Set(Array.from({ length: random.int(0, max) }, () => pick(list)))
	];
	const pool: Candidate[] = Array.from({ length: size }, (_, i) => {
		const start = random.int(0, 14);
		return {
			cardId: `card-${String(i).padStart(3, '0')}-00000000000`,
			card: card({
				strengths: some(SKILLS, 3),
				stretchGoals: some(SKILLS, 3),
				timeZone: pick(ZONES),
				hours: {
					days: some([1, 2, 3, 4, 5, 6, 7], 5)
						.concat([3])
						.filter((d, k, a) => a.indexOf(d) === k),
					start: `${String(start).padStart(2, '0')}:00`,
					end: `${String(start + random.int(1, 9)).padStart(2, '0')}:00`
				},
				energy: pick(['mornings', 'afternoons', 'no-preference'] as const)
			}),
			avoid: []
		};
	});
	for (const candidate of pool) {
		candidate.avoid = some(pool, 2)
			.map((other) => other.cardId)
			.filter((id) => id !== candidate.cardId);
	}
	const rounds: StoredRound[] = [];
	for (let n = 1; n <= random.int(0, maxRounds); n++) {
		rounds.push(round(n, makePairs(pool, rounds, WEEK, [], place).groups));
	}
	return { pool, rounds };
}
