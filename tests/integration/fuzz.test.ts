import { expect, test } from 'vitest';
import { formatSeed, parseSeed, Random } from '../fuzz/random';
import { describeReport, runFuzz } from '../fuzz/run-fuzz';
import { closeWithin } from '../fuzz/watchdog';
import { startTestServer } from '../support/server';

/**
 * Brief by default, with a fixed seed: part of every test run. `npm run fuzz` runs it longer
 * with a new seed; FUZZ_SEED, FUZZ_ITERATIONS and FUZZ_INPUTS (indices, comma-separated) replay
 * a run (docs/testing.md).
 */
const seed = parseSeed(process.env.FUZZ_SEED ?? String(0xc0ffee));
const iterations = Number(process.env.FUZZ_ITERATIONS ?? 1_500);
const only = process.env.FUZZ_INPUTS?.split(',').map(Number);
/** A generous allowance per input on a slow machine, on top of setting up and checking. */
const timeoutMs = 60_000 + (only?.length ?? iterations) * 20;
test('the same seed gives the same inputs, and another seed others', () => {
	const draw = (seed: number, stream: number) => {
		const random = new Random(seed, stream);
		return Array.from({ length: 8 }, () => random.uint32());
	};
	expect(draw(0xc0ffee, 7)).toEqual(draw(0xc0ffee, 7));
	expect(draw(0xc0ffee, 7)).not.toEqual(draw(0xc0ffee, 8));
	expect(draw(0xc0ffee, 7)).not.toEqual(draw(0xc0ffef, 7));
});

test(
	`[Y5][S1] the server survives ${only ? `inputs ${only.join(', ')}` : `${iterations} random inputs`} (seed ${formatSeed(seed)})`,
	async () => {
		console.log(`fuzz seed ${formatSeed(seed)} (replay: FUZZ_SEED=${formatSeed(seed)})`);
		const server = await startTestServer({ redisUrl: process.env.REDIS_URL });
		let closeProblems: string[] = [];
		const report = await runFuzz({ seed, iterations, serverUrl: server.url, only }).finally(
			async () => (closeProblems = await closeWithin(server))
		);
		report.findings.push(...closeProblems.map((problem) => ({ problem })));
		const summary = describeReport(report, iterations);
		console.log(summary);
		expect(report.findings, summary).toEqual([]);
	},
	timeoutMs
);
