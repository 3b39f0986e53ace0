import blossom from 'edmonds-blossom';
import { expect, test } from 'vitest';
import { Random } from '../../../../tests/fuzz/random';

type Edge = [number, number, number];

/** The best (pairs, weight) over every matching, by trying them all: for small graphs only. */
function bruteForce(n: number, edges: readonly Edge[]): [number, number] {
	const weight = new Map(edges.map(([a, b, w]) => [`${a} ${b}`, w]));
	let best: [number, number] = [0, 0];
	const walk = (used: boolean[], from: number, pairs: number, total: number) => {
		if (pairs > best[0] || (pairs === best[0] && total > best[1])) best = [pairs, total];
		for (let a = from; a < n; a++) {
			if (used[a]) continue;
			for (let b = a + 1; b < n; b++) {
				const w = weight.get(`${a} ${b}`);
				if (used[b] || w === undefined) continue;
				used[a] = used[b] = true;
				walk(used, a + 1, pairs + 1, total + w);
				used[a] = used[b] = false;
			}
		}
	};
	walk(
		Array.from({ length: n }, () => false),
		0,
		0,
		0
	);
	return best;
}

test('edmonds-blossom finds the heaviest of the largest matchings, as trying them all does', () => {
	for (let seed = 1; seed <= 300; seed++) {
		const random = new Random(seed);
		const n = random.int(2, 9);
		const edges: Edge[] = [];
		for (let a = 0; a < n; a++) {
			for (let b = a + 1; b < n; b++) {
				if (random.next() < 0.5) edges.push([a, b, random.int(1, 60)]);
			}
		}
		const mate = blossom(edges, true);
		const weight = new Map(edges.map(([a, b, w]) => [`${a} ${b}`, w]));
		let pairs = 0;
		let total = 0;
		for (let a = 0; a < n; a++) {
			const b = mate[a] ?? -1;
			if (b === -1 || b < a) continue;
			expect(mate[b], `seed ${seed}: mates agree`).toBe(a);
			const w = weight.get(`${a} ${b}`);
			expect(w, `seed ${seed}: only given edges`).toBeDefined();
			pairs++;
			total += w ?? 0;
		}
		expect([pairs, total], `seed ${seed}`).toEqual(bruteForce(n, edges));
	}
});
