import { describe, expect, test } from 'vitest';
import type { JournalEntry } from './entry';
import {
	exportFileName,
	journalExport,
	planImport,
	readExport,
	readExportText
} from './export-file';
import { checkIn, pulse, reflection, shoutOut, T0 } from './journal.fixture';

const entries: JournalEntry[] = [reflection, checkIn, shoutOut, pulse];

describe('export file', () => {
	test('an export read back from its JSON text holds the same records', () => {
		const text = JSON.stringify(journalExport(entries, T0));
		const read = readExportText(text);
		expect(read).toEqual({ ok: true, file: { ...journalExport(entries, T0) } });
	});

	test('is named by the day it was made', () => {
		expect(exportFileName(T0, 'json', 'UTC')).toBe('practice-journal-2026-11-22.json');
		expect(exportFileName(T0, 'md', 'UTC')).toBe('practice-journal-2026-11-22.md');
	});

	test('is dated by the day where the person is, also just after their midnight', () => {
		// 00:30 on Monday 23 November in Berlin is still Sunday 22 November in UTC.
		const justAfterMidnight = Date.parse('2026-11-22T23:30Z');
		expect(exportFileName(justAfterMidnight, 'json', 'Europe/Berlin')).toBe(
			'practice-journal-2026-11-23.json'
		);
		// 09:00 UTC on the 22nd is 22:00 on the 21st in Pago Pago (UTC−11).
		expect(exportFileName(T0, 'md', 'Pacific/Pago_Pago')).toBe('practice-journal-2026-11-21.md');
	});

	test('text that is not JSON is refused in plain words', () => {
		const read = readExportText('{"format": ');
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.message).toMatch(/not JSON/);
	});

	test('another kind of JSON file is refused as not a journal export', () => {
		const read = readExport({ id: 'active-listening-sprint', phases: [] });
		expect(read.ok).toBe(false);
		if (!read.ok) {
			expect(read.message).toMatch(/Nothing was imported/);
			expect(read.problems).toContain('format: is not a Practice Room journal export');
		}
	});

	test('a file from another version is refused, naming the version', () => {
		const read = readExport({ ...journalExport(entries, T0), version: 2 });
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.problems.join('\n')).toMatch(/^version: must be 1/);
	});

	test('one bad record refuses the whole file and names where it is', () => {
		const bad = { ...reflection, confidence: 9 };
		const read = readExport(journalExport([checkIn, bad], T0));
		expect(read.ok).toBe(false);
		if (!read.ok)
			expect(read.problems.some((line) => line.startsWith('entries[1].confidence'))).toBe(true);
	});

	test('lists at most ten problems', () => {
		const bad = Array.from({ length: 30 }, (_, i) => ({ ...pulse, id: `p${i}`, confidence: 0 }));
		const read = readExport({ ...journalExport([], T0), entries: bad });
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.problems).toHaveLength(10);
	});
});

describe('planImport', () => {
	const none = () => undefined;

	test('adds records the journal does not have', () => {
		expect(planImport(none, entries)).toEqual({
			write: entries,
			added: 4,
			updated: 0,
			unchanged: 0
		});
	});

	test('importing what is already there changes nothing', () => {
		const stored = new Map(entries.map((entry) => [entry.id, entry]));
		expect(planImport((id) => stored.get(id), entries)).toEqual({
			write: [],
			added: 0,
			updated: 0,
			unchanged: 4
		});
	});

	test('a newer copy replaces the stored record, an older one does not', () => {
		const newer = { ...checkIn, answer: 'It went well', updatedAt: checkIn.updatedAt + 1 };
		const older = { ...reflection, feelings: 'old', updatedAt: reflection.updatedAt - 1 };
		const stored = new Map<string, JournalEntry>([
			[checkIn.id, checkIn],
			[reflection.id, reflection]
		]);
		expect(planImport((id) => stored.get(id), [newer, older])).toEqual({
			write: [newer],
			added: 0,
			updated: 1,
			unchanged: 1
		});
	});

	test('within one file, the later copy of an id wins', () => {
		const later = { ...pulse, answer: 'later', updatedAt: pulse.updatedAt + 5 };
		expect(planImport(none, [later, pulse]).write).toEqual([later]);
	});
});
