import { describe, expect, test } from 'vitest';
import type { RatingRound } from '../protocol/control';
import { revealIfDue, submitRating, type SealedRatings } from './ratings';

function submit(
	round: RatingRound | undefined,
	sealed: SealedRatings,
	id: string,
	value: number,
	present: string[]
) {
	const result = submitRating(round, sealed, id, value, present);
	if (!result.ok) throw new Error(result.message);
	return result;
}

describe('rating reveal rule', () => {
	test('a rating stays sealed until everyone present has submitted, then all show together', () => {
		const first = submit(undefined, {}, 'ana', 4, ['ana', 'ben']);
		expect(first.round).toEqual({ submitted: ['ana'] });
		expect(first.sealed).toEqual({ ana: 4 });
		const second = submit(first.round, first.sealed, 'ben', 3, ['ana', 'ben']);
		expect(second.round).toEqual({ submitted: ['ana', 'ben'], revealed: { ana: 4, ben: 3 } });
	});

	test('a sealed rating may be changed; its first place in the order is kept', () => {
		const first = submit(undefined, {}, 'ana', 2, ['ana', 'ben']);
		const changed = submit(first.round, first.sealed, 'ana', 5, ['ana', 'ben']);
		expect(changed.round).toEqual({ submitted: ['ana'] });
		expect(changed.sealed).toEqual({ ana: 5 });
	});

	test('someone who joins before the reveal is waited for', () => {
		const first = submit(undefined, {}, 'ana', 4, ['ana', 'ben', 'cy']);
		const second = submit(first.round, first.sealed, 'ben', 3, ['ana', 'ben', 'cy']);
		expect(second.round.revealed).toBeUndefined();
	});

	test('when the last person yet to rate leaves, the others are revealed', () => {
		const first = submit(undefined, {}, 'ana', 4, ['ana', 'ben']);
		expect(revealIfDue(first.round, first.sealed, ['ana', 'ben'])).toBe(first.round);
		expect(revealIfDue(first.round, first.sealed, ['ana'])).toEqual({
			submitted: ['ana'],
			revealed: { ana: 4 }
		});
	});

	test('nobody having rated reveals nothing, even in an empty room', () => {
		expect(revealIfDue({ submitted: [] }, {}, [])).toEqual({ submitted: [] });
	});

	test('after the reveal a late rating joins the shown ones, but a shown one cannot change', () => {
		const shown: RatingRound = { submitted: ['ana'], revealed: { ana: 4 } };
		const late = submit(shown, { ana: 4 }, 'ben', 2, ['ana', 'ben']);
		expect(late.round).toEqual({ submitted: ['ana', 'ben'], revealed: { ana: 4, ben: 2 } });
		expect(submitRating(late.round, late.sealed, 'ana', 1, ['ana', 'ben']).ok).toBe(false);
	});
});
