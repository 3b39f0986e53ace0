import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { downloadFile } from '../client/download';
import type { CheckInEntry, JournalEntryOf, JournalEntryType } from './entry';
import { exportFileName, readExportText } from './export-file';
import { answerCheckIn, checkInState } from './follow-up';
import { LiveJournal } from './live-journal.svelte';
import { journalMarkdown } from './markdown';

/** This device's time zone, in which the journal shows its dates. */
const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** What an import told the person: a count, or why the file was refused. */
export type ImportMessage =
	{ ok: true; text: string } | { ok: false; text: string; problems: string[] };

/**
 * The journal page's state: every record of this browser's journal, kept current as it changes
 * (in this tab or another), sorted into what the page shows, and the page's actions.
 */
export class JournalView extends LiveJournal {
	importMessage = $state<ImportMessage | undefined>();

	readonly reflections = $derived(this.#ofType('reflection'));
	readonly shoutOuts = $derived(this.#ofType('shout-out'));
	readonly pulses = $derived(this.#ofType('pulse'));
	readonly checkIns = $derived(this.#ofType('check-in'));
	/** Asking now, the longest waiting first. */
	readonly dueCheckIns = $derived(
		this.checkIns
			.filter((entry) => checkInState(entry, this.now) === 'due')
			.sort((a, b) => a.dueAt - b.dueAt)
	);
	/** Still to come, soonest first. */
	readonly upcomingCheckIns = $derived(
		this.checkIns
			.filter((entry) => checkInState(entry, this.now) === 'upcoming')
			.sort((a, b) => a.dueAt - b.dueAt)
	);
	readonly answeredCheckIns = $derived(
		this.checkIns.filter((entry) => checkInState(entry, this.now) === 'answered')
	);

	#ofType<T extends JournalEntryType>(type: T): JournalEntryOf<T>[] {
		return this.entries.filter((entry): entry is JournalEntryOf<T> => entry.type === type);
	}

	delete(id: string): Promise<void> {
		return this.journal.delete(id);
	}

	/** Deletes every record; what an earlier import said no longer holds. */
	clear(): Promise<void> {
		this.importMessage = undefined;
		return this.journal.clear();
	}

	answer(entry: CheckInEntry, answer: { text: string; done: boolean }): Promise<void> {
		return this.journal.put(answerCheckIn(entry, answer, Date.now()));
	}

	async exportJson(): Promise<void> {
		const exportedAt = Date.now();
		const file = await this.journal.exportAll(exportedAt);
		const name = exportFileName(exportedAt, 'json', deviceTimeZone());
		downloadFile(name, `${JSON.stringify(file, null, '\t')}\n`, 'application/json');
	}

	exportMarkdown(formatTime: (ms: number) => string): void {
		const exportedAt = Date.now();
		const markdown = journalMarkdown(this.entries, exportedAt, formatTime);
		downloadFile(exportFileName(exportedAt, 'md', deviceTimeZone()), markdown, 'text/markdown');
	}

	/** Imports an export file; the outcome lands in `importMessage`. */
	async importFile(file: File): Promise<void> {
		this.importMessage = undefined;
		const read = readExportText(await file.text());
		const result = read.ok ? await this.journal.importAll(read.file) : read;
		if (!result.ok) {
			this.importMessage = { ok: false, text: result.message, problems: result.problems };
			return;
		}
		const { added, updated, unchanged } = result;
		const parts = [
			m.practice_import_new({ count: added }),
			...(updated > 0 ? [m.practice_import_updated({ count: updated })] : []),
			...(unchanged > 0 ? [m.practice_import_unchanged({ count: unchanged })] : [])
		];
		// Intl joins the counts as the language does: "a, b" in English, "a y b" in Spanish.
		const list = new Intl.ListFormat(getLocale(), { type: 'unit', style: 'short' });
		this.importMessage = { ok: true, text: m.practice_import_done({ parts: list.format(parts) }) };
	}
}
