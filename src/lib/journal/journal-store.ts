import type { JournalEntry, JournalEntryOf, JournalEntryType, JournalExport } from './entry';
import { openIndexedDbJournal } from './indexeddb-journal';

/** What an import did: every record was valid and stored, or nothing changed. */
export type ImportResult =
	| {
			ok: true;
			/** Records that were not in the journal yet. */
			added: number;
			/** Records that replaced an older copy with the same id. */
			updated: number;
			/** Records the journal already had, as new or newer. */
			unchanged: number;
	  }
	| {
			ok: false;
			/** Plain words for the person: why the file was refused. */
			message: string;
			/** Each problem as `path: message`, e.g. `entries[3].confidence: …`. */
			problems: string[];
	  };

/**
 * The journal in this browser. Every record is parsed with its schema on the way in and on the
 * way out (a record that no longer parses is left out of `list`), and nothing here talks to the
 * server. Ids are unique: `put` replaces a record with the same id.
 */
export interface JournalStore {
	/** Every record, or those of one type, newest (`createdAt`) first, then by id. */
	list(): Promise<JournalEntry[]>;
	list<T extends JournalEntryType>(type: T): Promise<JournalEntryOf<T>[]>;
	get(id: string): Promise<JournalEntry | undefined>;
	/** Stores a record, replacing one with the same id; throws if it does not parse. */
	put(entry: JournalEntry): Promise<void>;
	/** Stores a record unless its id is there already; answers whether it was added. */
	add(entry: JournalEntry): Promise<boolean>;
	delete(id: string): Promise<void>;
	/** Deletes every record. */
	clear(): Promise<void>;
	/** Every record as an export file (`journalExportSchema`), stamped `exportedAt`. */
	exportAll(exportedAt: number): Promise<JournalExport>;
	/**
	 * Reads an export file (parsed JSON) and merges it: records new to this journal are added, a
	 * record with an id already here replaces it only when its `updatedAt` is later. A file that
	 * does not parse changes nothing; importing the same file again changes nothing.
	 */
	importAll(file: unknown): Promise<ImportResult>;
	/**
	 * Calls `listener` after every change, made here or in another tab of this browser; answers
	 * the function that stops it.
	 */
	subscribe(listener: () => void): () => void;
}

/** The IndexedDB database that holds this browser's journal. */
export const JOURNAL_DATABASE = 'practice-room:journal';

let shared: JournalStore | undefined;

/** This browser's journal (in the browser only: it opens IndexedDB on first use). */
export function journal(): JournalStore {
	return (shared ??= openIndexedDbJournal(JOURNAL_DATABASE));
}
