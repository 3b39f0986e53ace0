import { isAfter, type DeliverEntries, type LogEntry } from '../storage/document-log';

/**
 * Live entries one document holds back while its log is read, at most. Past this the read is
 * taking too long to be worth waiting for: the queue is dropped and the whole document read.
 */
export const MAX_WAITING = 10_000;

/**
 * The order in which a followed document's entries are delivered. Live entries from the feed go
 * straight through, except while what the feed may have missed is read from the log: then they
 * wait, and follow what was read, skipping those the read already covered.
 */
export class FeedOrder {
	readonly #deliver: DeliverEntries;
	readonly #limit: number;
	/** Position of the last entry delivered. */
	#cursor: string | undefined;
	/** Live entries waiting for a read; undefined when none is expected. */
	#waiting: { entry: LogEntry; id: string }[] | undefined = [];

	/** Starts holding live entries back: the log after `cursor` is read first. */
	constructor(cursor: string | undefined, deliver: DeliverEntries, limit = MAX_WAITING) {
		this.#cursor = cursor;
		this.#deliver = deliver;
		this.#limit = limit;
	}

	get cursor(): string | undefined {
		return this.#cursor;
	}

	/** Live entries wait from now on, until {@link caughtUp}. */
	hold(): void {
		this.#waiting ??= [];
	}

	/**
	 * A live entry. Answers false when it overflowed the waiting queue: the queue (this entry
	 * included) is dropped, so the whole document must be read again.
	 */
	live(entry: LogEntry, id: string): boolean {
		if (this.#waiting) {
			if (this.#waiting.length >= this.#limit) {
				this.#waiting = [];
				return false;
			}
			this.#waiting.push({ entry, id });
		} else if (isAfter(id, this.#cursor)) {
			this.#cursor = id;
			this.#deliver([entry], id);
		}
		return true;
	}

	/** Delivers what a read found (up to `cursor`), then the waiting live entries that are newer. */
	caughtUp(entries: LogEntry[], cursor: string | undefined): void {
		const waiting = this.#waiting ?? [];
		this.#waiting = undefined;
		if (cursor !== undefined && isAfter(cursor, this.#cursor)) this.#cursor = cursor;
		if (entries.length > 0) this.#deliver(entries, this.#cursor);
		for (const { entry, id } of waiting) this.live(entry, id);
	}
}
