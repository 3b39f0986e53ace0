import { describe, expect, test } from 'vitest';
import { ratingKey } from '../protocol/room-content';
import { goLive } from './async-schedule';
import { ana, ben, ok, playbook, started } from './async-schedule.fixture';
import { expectedRaters, offeredRating, stillToRate } from './raters';

const key = ratingKey('rating', 1);
const cy = 'cy-00003';

describe('whom a rating waits for', () => {
	test('[A16] on a turn, its takers, online or not; a rating step without takers waits for everyone present', () => {
		const onTurns = started();
		expect(expectedRaters(onTurns, playbook, key, [ben])).toEqual([ana]);
		expect(expectedRaters(onTurns, playbook, 'settle:round-1', [ben, cy])).toEqual([ben, cy]);
	});

	test('[A16] [S11] playing live or in a live room, everyone present', () => {
		const live = ok(goLive(started(), playbook, [ana, ben]));
		expect(expectedRaters(live, playbook, key, [ana, ben])).toEqual([ana, ben]);
		expect(expectedRaters({ ...started(), async: null }, playbook, key, [ben])).toEqual([ben]);
	});

	test('[A16] the "waiting for" line names a taker who is offline, and nobody who has rated', () => {
		const onTurns = started();
		expect(stillToRate(onTurns, playbook, key, [ben])).toEqual([ana]);
		const rated = { ...onTurns, ratings: { [key]: { submitted: [ana] } } };
		expect(stillToRate(rated, playbook, key, [ben])).toEqual([]);
		const live = ok(goLive(rated, playbook, [ana, ben]));
		expect(stillToRate(live, playbook, key, [ana, ben, cy])).toEqual([ben, cy]);
	});
});

describe('who is offered the rating form', () => {
	test('[A16] on a turn, its takers alone: the listener does not guess a rating already shown', () => {
		const onTurns = started();
		expect(offeredRating(onTurns, playbook, key, ana, [ana, ben])).toBe(true);
		expect(offeredRating(onTurns, playbook, key, ben, [ana, ben])).toBe(false);
		expect(offeredRating(onTurns, playbook, key, cy, [ana, ben, cy])).toBe(false);
	});

	test('[S11] [A16] playing live or in a live room, everyone present rates', () => {
		const live = ok(goLive(started(), playbook, [ana, ben]));
		expect(offeredRating(live, playbook, key, ben, [ana, ben])).toBe(true);
		expect(offeredRating({ ...started(), async: null }, playbook, key, ben, [ben])).toBe(true);
	});
});
