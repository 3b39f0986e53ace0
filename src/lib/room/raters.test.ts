import { describe, expect, test } from 'vitest';
import { ratingKey } from '../protocol/room-content';
import { goLive } from './async-schedule';
import { ana, ben, ok, playbook, started } from './async-schedule.fixture';
import { expectedRaters, stillToRate } from './raters';

const key = ratingKey('rating', 1);
const cy = 'cy-00003';

describe('whom a rating waits for', () => {
	test('[A16] on a turn, its takers, online or not; a rating step without takers waits for everyone present', () => {
		const onTurns = started();
		expect(expectedRaters(onTurns, playbook, key, [ben])).toEqual([ana]);
		expect(expectedRaters(onTurns, playbook, 'settle:round-1', [ben, cy])).toEqual([ben, cy]);
	});

	test('[A16] [S11] playing live or in a live room, everyone present', () => {
		const live = ok(goLive(started(), [ana, ben]));
		expect(expectedRaters(live, playbook, key, [ana, ben])).toEqual([ana, ben]);
		expect(expectedRaters({ ...started(), async: null }, playbook, key, [ben])).toEqual([ben]);
	});

	test('[A16] the "waiting for" line names a taker who is offline, and nobody who has rated', () => {
		const onTurns = started();
		expect(stillToRate(onTurns, playbook, key, [ben])).toEqual([ana]);
		const rated = { ...onTurns, ratings: { [key]: { submitted: [ana] } } };
		expect(stillToRate(rated, playbook, key, [ben])).toEqual([]);
		const live = ok(goLive(rated, [ana, ben]));
		expect(stillToRate(live, playbook, key, [ana, ben, cy])).toEqual([ben, cy]);
	});
});
