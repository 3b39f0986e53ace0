/**
 * A seeded source of randomness (sfc32, the generator lib0's tests use too): the same seed and
 * stream always give the same sequence. Each fuzz input draws from its own stream, so one input
 * can be replayed alone, whatever ran before or beside it.
 */
export class Random {
	#a: number;
	#b: number;
	#c: number;
	#d: number;

	constructor(seed: number, stream = 0) {
		this.#a = seed >>> 0;
		this.#b = stream >>> 0;
		this.#c = 0x9e3779b9;
		this.#d = 1;
		// The first outputs still echo the seed; mixing them away makes nearby seeds unrelated.
		for (let i = 0; i < 15; i++) this.uint32();
	}

	uint32(): number {
		const a = this.#a;
		const b = this.#b;
		const c = this.#c;
		const d = this.#d;
		const t = (((a + b) | 0) + d) | 0;
		this.#d = (d + 1) | 0;
		this.#a = b ^ (b >>> 9);
		this.#b = (c + (c << 3)) | 0;
		const rotated = (c << 21) | (c >>> 11);
		this.#c = (rotated + t) | 0;
		return t >>> 0;
	}

	/** A number in [0, 1). */
	next(): number {
		return this.uint32() / 0x1_0000_0000;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		const item = items[Math.floor(this.next() * items.length)];
		if (item === undefined) throw new Error('pick from an empty list');
		return item;
	}

	/** One of `choices`, each as likely as its weight. */
	weighted<T>(choices: readonly (readonly [weight: number, value: T])[]): T {
		const total = choices.reduce((sum, [weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [weight, value] of choices) {
			roll -= weight;
			if (roll < 0) return value;
		}
		return choices[choices.length - 1]![1];
	}

	bytes(length: number): Uint8Array<ArrayBuffer> {
		const bytes = new Uint8Array(length);
		for (let i = 0; i < length; i++) bytes[i] = this.uint32() & 0xff;
		return bytes;
	}

	/** A length that is mostly small, sometimes large: `max` is reached about once in 64 draws. */
	size(max: number): number {
		return this.chance(1 / 64) ? max : Math.floor(max ** this.next()) - 1;
	}
}

/** Reads a seed written as decimal or 0x-hex; `random` (or nothing) picks a new one. */
export function parseSeed(text: string | undefined): number {
	if (text === undefined || text === '' || text === 'random') {
		return Math.floor(Math.random() * 0x1_0000_0000);
	}
	const seed = Number(text);
	if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
		throw new Error(`FUZZ_SEED must be a 32-bit unsigned integer, not "${text}"`);
	}
	return seed;
}

export const formatSeed = (seed: number) => `0x${seed.toString(16).toUpperCase()}`;
