import { describe, expect, test } from 'vitest';
import { addSample, CLOCK_SAMPLE_LIMIT, estimateOffset, type ClockSample } from './clock-offset';

/** A small seeded generator (mulberry32), so a failing case can be replayed exactly. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Simulates pings against a server whose clock is `trueOffset` ahead of the local one. */
function probe(trueOffset: number, seed: number, count: number): ClockSample[] {
	const next = random(seed);
	const samples: ClockSample[] = [];
	let now = 1_000;
	for (let i = 0; i < count; i++) {
		// Noisy and lopsided: a propagation floor plus queueing jitter (exponential) that is four
		// times worse on the way up, and one probe in five stuck behind a 400 ms spike.
		const jitter = (mean: number) => -mean * Math.log(1 - next());
		const up = 8 + jitter(40) + (next() < 0.2 ? 400 : 0);
		const down = 8 + jitter(10);
		const serverTime = now + up + trueOffset;
		samples.push({ sentAt: now, receivedAt: now + up + down, serverTime });
		now += 500;
	}
	return samples;
}

describe('clock offset', () => {
	test('stays within 20 ms of the truth when round trips are noisy and asymmetric', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const trueOffset = (seed % 2 === 0 ? 1 : -1) * 7 * 60_000 + seed;
			const estimate = estimateOffset(probe(trueOffset, seed, CLOCK_SAMPLE_LIMIT));
			expect(estimate, `seed ${seed}`).toBeDefined();
			expect(Math.abs((estimate?.offset ?? NaN) - trueOffset), `seed ${seed}`).toBeLessThan(20);
		}
	});

	test('the estimate takes the quick way up of one probe and the quick way down of another', () => {
		// True offset 5_000. Probe A answered late in its round trip, probe B early.
		const estimate = estimateOffset([
			{ sentAt: 0, receivedAt: 100, serverTime: 5_095 },
			{ sentAt: 1_000, receivedAt: 1_100, serverTime: 6_005 }
		]);
		expect(estimate).toEqual({ offset: 5_000, uncertainty: 5 });
	});

	test('when a clock jumped and the samples disagree, the shortest round trip decides', () => {
		const estimate = estimateOffset([
			{ sentAt: 0, receivedAt: 300, serverTime: 5_000 },
			{ sentAt: 1_000, receivedAt: 1_010, serverTime: 9_005 }
		]);
		expect(estimate).toEqual({ offset: 8_000, uncertainty: 5 });
	});

	test('no samples, or only impossible ones, give no estimate', () => {
		expect(estimateOffset([])).toBeUndefined();
		expect(estimateOffset([{ sentAt: 10, receivedAt: 5, serverTime: 0 }])).toBeUndefined();
	});

	test('only the newest samples are kept', () => {
		let samples: ClockSample[] = [];
		for (let i = 0; i < 5; i++) {
			samples = addSample(samples, { sentAt: i, receivedAt: i + 1, serverTime: i }, 3);
		}
		expect(samples.map((s) => s.sentAt)).toEqual([2, 3, 4]);
	});
});
