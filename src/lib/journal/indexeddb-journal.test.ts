import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { JournalEntry } from './entry';
import { openIndexedDbJournal } from './indexeddb-journal';
import { checkIn, pulse, reflection, shoutOut, T0 } from './journal.fixture';

let databases = 0;
/** A journal in a database of its own, so tests do not share records. */
const freshJournal = () => openIndexedDbJournal(`journal-test-${++databases}`);
const entries: JournalEntry[] = [reflection, checkIn, shoutOut, pulse];

describe('the IndexedDB journal', () => {
	test('lists what was put, newest first (then by id), and by type', async () => {
		const journal = freshJournal();
		for (const entry of entries) await journal.put(entry);
		expect((await journal.list()).map((entry) => entry.id)).toEqual([
			pulse.id,
			checkIn.id,
			reflection.id,
			shoutOut.id
		]);
		expect(await journal.list('shout-out')).toEqual([shoutOut]);
		expect(await journal.get(pulse.id)).toEqual(pulse);
	});

	test('put replaces a record with the same id; add keeps the first', async () => {
		const journal = freshJournal();
		await journal.put(reflection);
		await journal.put({ ...reflection, feelings: 'Proud' });
		expect(await journal.add(shoutOut)).toBe(true);
		expect(await journal.add({ ...shoutOut, behaviour: 'changed' })).toBe(false);
		expect(await journal.list()).toEqual([{ ...reflection, feelings: 'Proud' }, shoutOut]);
	});

	test('refuses to store a record that does not parse', async () => {
		const journal = freshJournal();
		await expect(journal.put({ ...reflection, confidence: 6 })).rejects.toThrow();
		expect(await journal.list()).toEqual([]);
	});

	test('deletes one record, or all of them', async () => {
		const journal = freshJournal();
		for (const entry of entries) await journal.put(entry);
		await journal.delete(checkIn.id);
		expect(await journal.get(checkIn.id)).toBeUndefined();
		expect(await journal.list()).toHaveLength(3);
		await journal.clear();
		expect(await journal.list()).toEqual([]);
	});

	test('an export imported into another journal gives the same records, once', async () => {
		const source = freshJournal();
		for (const entry of entries) await source.put(entry);
		const file = JSON.parse(JSON.stringify(await source.exportAll(T0))) as unknown;

		const target = freshJournal();
		expect(await target.importAll(file)).toEqual({ ok: true, added: 4, updated: 0, unchanged: 0 });
		expect(await target.importAll(file)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 4 });
		expect(await target.list()).toEqual(await source.list());
	});

	test('a bad file changes nothing', async () => {
		const journal = freshJournal();
		await journal.put(reflection);
		const file = await journal.exportAll(T0);
		const result = await journal.importAll({
			...file,
			entries: [pulse, { ...checkIn, dueAt: 'soon' }]
		});
		expect(result.ok).toBe(false);
		expect(await journal.list()).toEqual([reflection]);
	});

	test('tells subscribers about every change until they stop listening', async () => {
		const journal = freshJournal();
		let changes = 0;
		const stop = journal.subscribe(() => (changes += 1));
		await journal.put(reflection);
		await journal.add(reflection);
		await journal.delete(reflection.id);
		expect(changes).toBe(2);
		stop();
		await journal.clear();
		expect(changes).toBe(2);
	});
});
