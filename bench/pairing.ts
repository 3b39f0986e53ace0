// How long the matcher takes for the largest pool: 200 people paired in under a second
// (issue 16). `npm run build && node scripts/build-bench.js && node bench/.build/pairing.js`;
// docs/performance.md, "Pairing".
import { Random } from '../tests/fuzz/random';
import { randomPool, WEEK } from '../tests/support/pairing-pool';
import { makePairs } from '../src/lib/team/pairing/make-pairs';
import { percentile } from './stats';

const RUNS = 20;

for (const [label, seed, history] of [
	['200 people, no history', 200, 0],
	['200 people, four rounds of history', 201, 4]
] as const) {
	const { pool, rounds } = randomPool(new Random(seed), 200, history);
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const started = performance.now();
		makePairs(pool, rounds, WEEK);
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	console.log(
		`${label}: median ${percentile(times, 50).toFixed(1)} ms, worst ${times.at(-1)?.toFixed(1)} ms over ${RUNS} runs`
	);
}
