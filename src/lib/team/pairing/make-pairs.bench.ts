import { bench, describe } from 'vitest';
import { Random } from '../../../../tests/fuzz/random';
import { randomPool, WEEK } from '../../../../tests/support/pairing-pool';
import { makePairs } from './make-pairs';

// The bar: 200 people paired in under a second (`npx vitest bench --run <this file>`).
describe('makePairs', () => {
	const fresh = randomPool(new Random(200), 200, 0);
	const withHistory = randomPool(new Random(201), 200, 4);
	bench('200 people, no history', () => {
		makePairs(fresh.pool, fresh.rounds, WEEK);
	});
	bench('200 people, four rounds of history', () => {
		makePairs(withHistory.pool, withHistory.rounds, WEEK);
	});
});
