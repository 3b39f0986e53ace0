import type { JournalEntry } from './entry';
import type { JournalStore } from './journal-store';

/** How often a page looks at the clock: days and weeks turn at midnight, not to the second. */
const CLOCK_MS = 60_000;

/**
 * This browser's journal, kept current as it changes (in this tab or another), and the clock:
 * what the journal page and the "My practice" page both read.
 */
export class LiveJournal {
	entries = $state<JournalEntry[]>([]);
	loaded = $state(false);
	/** The journal could not be opened (IndexedDB unavailable). */
	unavailable = $state(false);
	now = $state(Date.now());

	constructor(readonly journal: JournalStore) {}

	/** Loads the journal and follows its changes and the clock; answers the function that stops. */
	start(): () => void {
		let loads = 0;
		const load = async () => {
			// Only the latest reading counts: an earlier one finishing late would be stale.
			const run = ++loads;
			const entries = await this.journal.list().catch(() => undefined);
			if (run !== loads) return;
			if (entries) this.entries = entries;
			this.unavailable = entries === undefined;
			this.loaded = true;
		};
		const stop = this.journal.subscribe(() => void load());
		const clock = setInterval(() => (this.now = Date.now()), CLOCK_MS);
		void load();
		return () => {
			stop();
			clearInterval(clock);
		};
	}
}
