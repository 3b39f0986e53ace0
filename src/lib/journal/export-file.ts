import { parseWithProblems } from '../protocol/problems';
import {
	JOURNAL_EXPORT_VERSION,
	JOURNAL_FORMAT,
	journalExportSchema,
	type JournalEntry,
	type JournalExport
} from './entry';
import { localDateKey } from './metrics-dates';
import { m } from '$lib/paraglide/messages';

/** How many problems a refused file lists: the first few say enough to fix it. */
const MAX_PROBLEMS_SHOWN = 10;

export type ReadExport =
	{ ok: true; file: JournalExport } | { ok: false; message: string; problems: string[] };

/** Every record as an export file. */
export function journalExport(entries: readonly JournalEntry[], exportedAt: number): JournalExport {
	return {
		format: JOURNAL_FORMAT,
		version: JOURNAL_EXPORT_VERSION,
		exportedAt,
		entries: [...entries]
	};
}

/**
 * The file's name, dated so exports from different days sit side by side: the day it is where
 * the person is (`timeZone`), not in UTC, which is still yesterday just after midnight in Berlin.
 */
export function exportFileName(
	exportedAt: number,
	extension: 'json' | 'md',
	timeZone: string
): string {
	return `practice-journal-${localDateKey(exportedAt, timeZone)}.${extension}`;
}

/** Checks a parsed export file against the format, naming every problem (the first few). */
export function readExport(value: unknown): ReadExport {
	const parsed = parseWithProblems(journalExportSchema, value);
	if (parsed.ok) return { ok: true, file: parsed.data };
	return {
		ok: false,
		message: m.practice_import_not_export(),
		problems: parsed.problems.slice(0, MAX_PROBLEMS_SHOWN)
	};
}

/** Reads the text of an export file: JSON first, then the format. */
export function readExportText(text: string): ReadExport {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {
			ok: false,
			message: m.practice_import_not_json({ button: m.pages_journal_export_json() }),
			problems: []
		};
	}
	return readExport(value);
}

export interface ImportPlan {
	/** The records to store. */
	write: JournalEntry[];
	added: number;
	updated: number;
	unchanged: number;
}

/**
 * Merges imported records into a journal, by id: a new id is added; a known one replaces the
 * stored record only when its `updatedAt` is later, so importing the same file twice, or an
 * older export, changes nothing. Within one file, the later copy of an id wins.
 */
export function planImport(
	existing: (id: string) => JournalEntry | undefined,
	incoming: readonly JournalEntry[]
): ImportPlan {
	const newest = new Map<string, JournalEntry>();
	for (const entry of incoming) {
		const seen = newest.get(entry.id);
		if (!seen || entry.updatedAt >= seen.updatedAt) newest.set(entry.id, entry);
	}
	const plan: ImportPlan = { write: [], added: 0, updated: 0, unchanged: 0 };
	for (const entry of newest.values()) {
		const stored = existing(entry.id);
		if (!stored) plan.added += 1;
		else if (entry.updatedAt > stored.updatedAt) plan.updated += 1;
		else {
			plan.unchanged += 1;
			continue;
		}
		plan.write.push(entry);
	}
	return plan;
}
