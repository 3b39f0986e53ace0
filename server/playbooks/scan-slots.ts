/**
 * A few long pieces of work at a time, the rest waiting their turn in order. A library search
 * may read every stored summary (docs/protocol.md, C5): anyone can send many at once, and each
 * one running beside the others would only make them all slower while holding everything else.
 */
export class ScanSlots {
	#running = 0;
	readonly #waiting: (() => void)[] = [];

	constructor(
		/** How many run at once. */
		private readonly slots: number
	) {}

	/** Runs `work` once a slot is free; the slot is free again when it settles. */
	async run<T>(work: () => Promise<T>): Promise<T> {
		if (this.#running >= this.slots) {
			await new Promise<void>((resolve) => this.#waiting.push(resolve));
		} else {
			this.#running += 1;
		}
		try {
			return await work();
		} finally {
			// Hand the slot straight to the next in line, so a newcomer cannot take it first.
			const next = this.#waiting.shift();
			if (next) next();
			else this.#running -= 1;
		}
	}

	/** Searches waiting for a slot now. */
	get waiting(): number {
		return this.#waiting.length;
	}
}
