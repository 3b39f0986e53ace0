import { LIBRARY_BUSY_ERROR_NAME } from '../../src/lib/server/handover';

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
		private readonly slots: number,
		/**
		 * How many may wait. Past it a newcomer is refused at once: those at the back would wait
		 * past the API's deadline (API_TIMEOUT_MS) and be answered 503 anyway, while their work
		 * still ran later for nobody.
		 */
		private readonly maxWaiting: number
	) {}

	/**
	 * Runs `work` once a slot is free; the slot is free again when it settles. Throws
	 * {@link ScanSlotsFull}, without running it, when the line is at its longest.
	 */
	async run<T>(work: () => Promise<T>): Promise<T> {
		if (this.#running >= this.slots && this.#waiting.length >= this.maxWaiting) {
			throw new ScanSlotsFull();
		}
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

/** Every slot taken and the line at its longest: try again in a moment. */
export class ScanSlotsFull extends Error {
	constructor() {
		super('every search slot is taken and the line is full');
		this.name = LIBRARY_BUSY_ERROR_NAME;
	}
}
