import { describe, expect, test } from 'vitest';
import { Random } from '../../../../tests/fuzz/random';
import { card, randomPool, WEEK } from '../../../../tests/support/pairing-pool';
import type { PairingCard, StoredRound } from '../../protocol/pairing';
import { makePairs, pastMeetings, type Candidate } from './make-pairs';
import { round } from '../../../../tests/support/pairing-pool';
import { everyonesIntervals, intersect, minutesIn, WEEK_DAYS } from './working-hours';
import { rememberingInstantOf } from './zoned-time';

const person = (cardId: string, over: Partial<PairingCard> = {}, avoid: string[] = []) => ({
	cardId: `card-${cardId}-0000000000`,
	card: card(over),
	avoid: avoid.map((id) => `card-${id}-0000000000`)
});
const ids = (...names: string[]) => names.map((name) => `card-${name}-0000000000`);
const sorted = (groups: string[][]) => groups.map((g) => [...g].sort()).sort();

describe('makePairs', () => {
	test('weights prefer the pair whose strength is the other’s stretch goal', () => {
		const pool = [
			person('a', { strengths: ['feedback'] }),
			person('b'),
			person('c', { stretchGoals: ['feedback'] }),
			person('d')
		];
		expect(sorted(makePairs(pool, [], WEEK).groups)).toEqual(
			sorted([ids('a', 'c'), ids('b', 'd')])
		);
	});

	test('matches everyone at once where a greedy first pick would leave two alone', () => {
		// A and B weigh most together, but C and D may not meet: taking A–B first leaves both
		// alone, so the matching pairs A–C and B–D.
		const pool = [
			person('a', { strengths: ['feedback', 'listening'] }),
			person('b', { stretchGoals: ['feedback', 'listening'], strengths: ['coaching'] }),
			person('c', { stretchGoals: ['feedback'] }, ['d']),
			person('d', { stretchGoals: ['coaching'] })
		];
		expect(sorted(makePairs(pool, [], WEEK).groups)).toEqual(
			sorted([ids('a', 'c'), ids('b', 'd')])
		);
	});

	test('never pairs someone with a person on their private list', () => {
		const pool = [
			person('a', { strengths: ['feedback'] }, ['b']),
			person('b', { stretchGoals: ['feedback'] }),
			person('c'),
			person('d')
		];
		const { groups } = makePairs(pool, [], WEEK);
		expect(groups.some((g) => g.includes(ids('a')[0]!) && g.includes(ids('b')[0]!))).toBe(false);
	});

	test('never makes a pair with under 30 minutes of overlap', () => {
		const pool = [
			person('a', { hours: { days: [1], start: '09:00', end: '10:00' } }),
			person('b', { hours: { days: [1], start: '09:40', end: '12:00' } })
		];
		expect(makePairs(pool, [], WEEK)).toEqual({ groups: [], unpaired: ids('a', 'b') });
		pool[1]!.card.hours.start = '09:30';
		expect(makePairs(pool, [], WEEK).groups).toEqual([ids('a', 'b')]);
	});

	test('an odd pool forms one trio', () => {
		const pool = ['a', 'b', 'c', 'd', 'e'].map((name) => person(name));
		const { groups, unpaired } = makePairs(pool, [], WEEK);
		expect(unpaired).toEqual([]);
		expect(groups.map((g) => g.length).sort()).toEqual([2, 3]);
	});

	test('the cooldown: a pair is not repeated while either has someone new to meet', () => {
		const pool = ['a', 'b', 'c', 'd'].map((name) => person(name));
		const rounds: StoredRound[] = [];
		const seen = new Set<string>();
		for (let n = 1; n <= 3; n++) {
			const { groups } = makePairs(pool, rounds, WEEK);
			for (const g of groups) {
				const key = [...g].sort().join();
				expect(seen.has(key)).toBe(false);
				seen.add(key);
			}
			rounds.push(round(n, groups));
		}
		// Three rounds of four people: everyone has met everyone, so repeats may begin.
		expect(seen.size).toBe(6);
		expect(makePairs(pool, rounds, WEEK).groups).toHaveLength(2);
	});

	test('not a good fit: the two are never paired again, and nothing says who answered', () => {
		const pool = [
			person('a', { strengths: ['feedback'] }),
			person('b', { stretchGoals: ['feedback'] })
		];
		const past = round(1, [ids('a', 'b')]);
		past.groups[0]!.fits[ids('b')[0]!] = 'not-a-good-fit';
		expect(pastMeetings([past]).notAFit.size).toBe(1);
		expect(makePairs(pool, [past], WEEK)).toEqual({ groups: [], unpaired: ids('a', 'b') });
	});

	test('constraints hold over seeded random pools of 2 to 200', () => {
		// Placing working hours in a zone is the costly part: each date and hour once for all pools.
		const place = rememberingInstantOf();
		for (let seed = 1; seed <= 40; seed++) {
			const random = new Random(seed);
			const size = seed === 40 ? 200 : random.int(2, 60);
			const { pool, rounds } = randomPool(random, size, 4, place);
			const { groups, unpaired } = makePairs(pool, rounds, WEEK, [], place);
			const byId = new Map(pool.map((c) => [c.cardId, c]));
			const weeks = everyonesIntervals(
				pool.map(({ card }) => ({ hours: card.hours, zone: card.timeZone })),
				WEEK,
				WEEK_DAYS,
				place
			);
			const week = new Map(pool.map((c, i) => [c.cardId, weeks[i]]));
			const overlap = (a: Candidate, b: Candidate) =>
				minutesIn(intersect(week.get(a.cardId)!, week.get(b.cardId)!));
			const { met, notAFit } = pastMeetings(rounds);
			const everyone = [...groups.flat(), ...unpaired].sort();
			expect(everyone, `seed ${seed}`).toEqual(pool.map((c) => c.cardId).sort());
			expect(groups.filter((g) => g.length === 3).length, `seed ${seed}`).toBeLessThanOrEqual(1);
			for (const group of groups) {
				for (const a of group) {
					for (const b of group) {
						if (a >= b) continue;
						const ca = byId.get(a)!;
						const cb = byId.get(b)!;
						expect(ca.avoid.includes(b) || cb.avoid.includes(a), `seed ${seed}`).toBe(false);
						expect(notAFit.has(`${a} ${b}`), `seed ${seed}`).toBe(false);
						expect(overlap(ca, cb), `seed ${seed}`).toBeGreaterThanOrEqual(30);
						if (met.get(a)?.has(b)) {
							// A repeat only once both have met everyone they could.
							for (const [x, y] of [
								[ca, cb],
								[cb, ca]
							] as const) {
								const fresh = pool.filter(
									(other) =>
										other !== x &&
										!met.get(x.cardId)?.has(other.cardId) &&
										!x.avoid.includes(other.cardId) &&
										!other.avoid.includes(x.cardId) &&
										overlap(x, other) >= 30
								);
								expect(fresh, `seed ${seed}: ${x.cardId} with ${y.cardId}`).toEqual([]);
							}
						}
					}
				}
			}
		}
	});
});
