import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { journalEntrySchema, type JournalEntry, type JournalEntryType } from './entry';
import { journalExport, planImport, readExport } from './export-file';
import type { ImportResult, JournalStore } from './journal-store';

const STORE = 'entries';
const VERSION = 1;

interface JournalSchema extends DBSchema {
	/** Records by id, as JSON values: each is parsed again when read. */
	[STORE]: { key: string; value: unknown };
}

/** Parses a stored value; a record from a future version or a damaged one is left out. */
function parsed(value: unknown): JournalEntry | undefined {
	const result = journalEntrySchema.safeParse(value);
	return result.success ? result.data : undefined;
}

/** Newest first; records made in the same millisecond in a fixed order, by id. */
const newestFirst = (a: JournalEntry, b: JournalEntry) =>
	b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The journal kept in the IndexedDB database `name` of this browser. Changes are announced to
 * listeners here and, through a BroadcastChannel of the same name, to other tabs.
 */
export function openIndexedDbJournal(name: string): JournalStore {
	let opened: Promise<IDBPDatabase<JournalSchema>> | undefined;
	const db = () =>
		(opened ??= openDB<JournalSchema>(name, VERSION, {
			upgrade(database) {
				database.createObjectStore(STORE, { keyPath: 'id' });
			}
		}));

	const listeners = new Set<() => void>();
	const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
	const notify = () => listeners.forEach((listener) => listener());
	channel?.addEventListener('message', notify);
	const changed = () => {
		notify();
		channel?.postMessage('changed');
	};

	async function all(): Promise<JournalEntry[]> {
		const values = await (await db()).getAll(STORE);
		return values.flatMap((value) => parsed(value) ?? []).sort(newestFirst);
	}

	async function list(): Promise<JournalEntry[]>;
	async function list<T extends JournalEntryType>(
		type: T
	): Promise<Extract<JournalEntry, { type: T }>[]>;
	async function list(type?: JournalEntryType): Promise<JournalEntry[]> {
		const entries = await all();
		return type === undefined ? entries : entries.filter((entry) => entry.type === type);
	}

	return {
		list,
		async get(id) {
			return parsed(await (await db()).get(STORE, id));
		},
		async put(entry) {
			await (await db()).put(STORE, journalEntrySchema.parse(entry));
			changed();
		},
		async add(entry) {
			const value = journalEntrySchema.parse(entry);
			const tx = (await db()).transaction(STORE, 'readwrite');
			// Read and write in one transaction, so two tabs adding the same record add it once.
			const added = (await tx.store.getKey(value.id)) === undefined;
			if (added) await tx.store.put(value);
			await tx.done;
			if (added) changed();
			return added;
		},
		async delete(id) {
			await (await db()).delete(STORE, id);
			changed();
		},
		async clear() {
			await (await db()).clear(STORE);
			changed();
		},
		async exportAll(exportedAt) {
			return journalExport(await all(), exportedAt);
		},
		async importAll(file): Promise<ImportResult> {
			const read = readExport(file);
			if (!read.ok) return read;
			const tx = (await db()).transaction(STORE, 'readwrite');
			const stored = new Map<string, JournalEntry>();
			for (const value of await tx.store.getAll()) {
				const entry = parsed(value);
				if (entry) stored.set(entry.id, entry);
			}
			const plan = planImport((id) => stored.get(id), read.file.entries);
			// All in one transaction: if any write fails, none is kept.
			await Promise.all([...plan.write.map((entry) => tx.store.put(entry)), tx.done]);
			if (plan.write.length > 0) changed();
			return { ok: true, added: plan.added, updated: plan.updated, unchanged: plan.unchanged };
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}
