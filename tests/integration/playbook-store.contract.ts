import { describe, expect, test } from 'vitest';
import type { PlaybookStore } from '../../server/playbooks/playbook-store';
import { builtInPlaybooks } from '../../src/lib/playbooks/library';
import { summarizePlaybook, type Playbook } from '../../src/lib/protocol/playbook';
import { freshStore, type Opened } from './fresh-store';

let counter = 0;
function playbook(title: string): Playbook {
	return { ...builtInPlaybooks[0]!, id: `contract-${++counter}-${process.pid}`, title };
}

/**
 * A store to test, how to write a playbook as it was stored before summaries and tokens, and how
 * to overwrite a stored summary with text that does not parse (a later release's, or damaged).
 */
export interface PlaybookStoreUnderTest {
	store: PlaybookStore;
	saveLegacy(playbook: Playbook, createdAt: number): Promise<void>;
	spoilSummary(id: string): Promise<void>;
}

const NO_CAP = 1_000_000;

/**
 * The behaviour every PlaybookStore must have (SQLite and Redis run this same suite). Each
 * test starts from a store with no playbooks.
 */
export function playbookStoreContract(
	name: string,
	open: () => Promise<Opened<PlaybookStoreUnderTest>>
): void {
	describe(`PlaybookStore contract: ${name}`, () => {
		const opened = freshStore(() => open());
		const store = () => opened().store;
		const save = (saved: Playbook, createdAt: number, maxStored = NO_CAP) =>
			store().save(
				{ playbook: saved, createdAt, deleteTokenHash: `hash-of-${saved.id}` },
				maxStored
			);
		const titles = async (offset = 0, limit = 100) =>
			(await store().summaries(offset, limit)).map((summary) => summary.title);

		test('a saved playbook is found whole by its id; an unknown id is not', async () => {
			const saved = playbook('Saved');
			expect(await save(saved, 1)).toBe('saved');
			expect(await store().get(saved.id)).toEqual(saved);
			expect(await store().get('no-such-playbook')).toBeUndefined();
		});

		test('saving an id twice fails and keeps the first', async () => {
			const first = playbook('First');
			await save(first, 1);
			await expect(save({ ...first, title: 'Second' }, 2)).rejects.toThrow();
			expect((await store().get(first.id))?.title).toBe('First');
		});

		test('summaries come newest first, a page at a time, as the library lists them', async () => {
			const saved = ['A', 'B', 'C', 'D', 'E'].map((title) => playbook(title));
			for (const [index, entry] of saved.entries()) await save(entry, 1_000 * (index + 1));
			expect(await titles()).toEqual(['E', 'D', 'C', 'B', 'A']);
			expect(await titles(1, 2)).toEqual(['D', 'C']);
			expect(await titles(4, 10)).toEqual(['A']);
			expect(await titles(5, 10)).toEqual([]);
			expect((await store().summaries(0, 1))[0]).toEqual(summarizePlaybook(saved[4]!, true));
			expect(await store().count()).toBe(5);
		});

		test('a save past the most stored is refused and stores nothing; hidden ones count', async () => {
			const [first, second, third] = [playbook('1'), playbook('2'), playbook('3')];
			expect(await save(first, 1, 2)).toBe('saved');
			expect(await save(second, 2, 2)).toBe('saved');
			await store().setHidden(second.id, true);
			expect(await save(third, 3, 2)).toBe('full');
			expect(await store().get(third.id)).toBeUndefined();
			expect(await titles()).toEqual(['1']);
		});

		test('two saves at once cannot both take the last place', async () => {
			const outcomes = await Promise.all(
				Array.from({ length: 6 }, (_, index) => save(playbook(`Race ${index}`), index, 3))
			);
			expect(outcomes.filter((outcome) => outcome === 'saved')).toHaveLength(3);
			expect(await store().count()).toBe(3);
		});

		test('the delete token hash is kept with the playbook', async () => {
			const saved = playbook('Mine');
			await save(saved, 1);
			expect(await store().deleteTokenHash(saved.id)).toBe(`hash-of-${saved.id}`);
			expect(await store().deleteTokenHash('no-such-playbook')).toBeUndefined();
		});

		test('a deleted playbook is gone: not found, not listed, no token; deleting again finds nothing', async () => {
			const [kept, deleted] = [playbook('Kept'), playbook('Deleted')];
			await save(kept, 1);
			await save(deleted, 2);
			expect(await store().delete(deleted.id)).toBe(true);
			expect(await store().get(deleted.id)).toBeUndefined();
			expect(await store().deleteTokenHash(deleted.id)).toBeUndefined();
			expect(await titles()).toEqual(['Kept']);
			expect(await store().count()).toBe(1);
			expect(await store().delete(deleted.id)).toBe(false);
			// Its place is free again under the cap.
			expect(await save(playbook('Next'), 3, 2)).toBe('saved');
		});

		test('a hidden playbook is kept but neither found nor listed, and returns to its place when shown', async () => {
			const [older, hidden, newer] = [playbook('Older'), playbook('Hidden'), playbook('Newer')];
			await save(older, 1);
			await save(hidden, 2);
			await save(newer, 3);
			expect(await store().setHidden(hidden.id, true)).toBe(true);
			expect(await store().get(hidden.id)).toBeUndefined();
			expect(await store().deleteTokenHash(hidden.id)).toBeUndefined();
			expect(await titles()).toEqual(['Newer', 'Older']);
			expect(await store().count()).toBe(2);

			expect(await store().setHidden(hidden.id, false)).toBe(true);
			expect(await store().get(hidden.id)).toEqual(hidden);
			expect(await titles()).toEqual(['Newer', 'Hidden', 'Older']);
			expect(await store().setHidden('no-such-playbook', true)).toBe(false);
		});

		test('hidden playbooks are counted apart and listed by id, newest first, for the operator', async () => {
			const [older, newer, listed] = [playbook('Older'), playbook('Newer'), playbook('Listed')];
			await save(older, 1);
			await save(newer, 2);
			await save(listed, 3);
			expect(await store().hiddenIds()).toEqual([]);
			await store().setHidden(older.id, true);
			await store().setHidden(newer.id, true);
			expect(await store().hiddenIds()).toEqual([newer.id, older.id]);
			expect({ listed: await store().count(), hidden: await store().hiddenCount() }).toEqual({
				listed: 1,
				hidden: 2
			});
			await store().setHidden(newer.id, false);
			expect(await store().hiddenIds()).toEqual([older.id]);
			expect(await store().hiddenCount()).toBe(1);
		});

		test('a hidden playbook can be deleted', async () => {
			const hidden = playbook('Hidden');
			await save(hidden, 1);
			await store().setHidden(hidden.id, true);
			expect(await store().delete(hidden.id)).toBe(true);
			expect(await store().setHidden(hidden.id, false)).toBe(false);
			expect(await titles()).toEqual([]);
		});

		test('a playbook stored before summaries is listed with its summary, and found whole', async () => {
			const legacy = playbook('Legacy');
			await opened().saveLegacy(legacy, 1);
			await save(playbook('New'), 2);
			expect(await store().summaries(0, 10)).toEqual([
				expect.objectContaining({ title: 'New' }),
				summarizePlaybook(legacy, true)
			]);
			// Read a second time from the summary written at the first.
			expect(await titles()).toEqual(['New', 'Legacy']);
			expect(await store().get(legacy.id)).toEqual(legacy);
			expect(await store().deleteTokenHash(legacy.id)).toBeUndefined();
		});

		test('a stored summary that no longer parses is read again from the body, not left out', async () => {
			const spoilt = playbook('Spoilt');
			await save(spoilt, 1);
			await opened().spoilSummary(spoilt.id);
			expect(await store().summaries(0, 10)).toEqual([summarizePlaybook(spoilt, true)]);
			expect(await titles()).toEqual(['Spoilt']);
		});

		test('the dated list has the newest listed summaries with their saving time, newest first', async () => {
			const older = playbook('Dated older');
			const newer = playbook('Dated newer');
			const hidden = playbook('Dated hidden');
			const legacy = playbook('Dated legacy');
			await save(older, 1_000);
			await save(newer, 2_000);
			await save(hidden, 3_000);
			await store().setHidden(hidden.id, true);
			await opened().saveLegacy(legacy, 500);
			expect(await store().listDated(10)).toEqual([
				{ summary: summarizePlaybook(newer, true), createdAt: 2_000 },
				{ summary: summarizePlaybook(older, true), createdAt: 1_000 },
				{ summary: summarizePlaybook(legacy, true), createdAt: 500 }
			]);
			expect(await store().listDated(2)).toEqual([
				{ summary: summarizePlaybook(newer, true), createdAt: 2_000 },
				{ summary: summarizePlaybook(older, true), createdAt: 1_000 }
			]);
			expect(await store().listDated(0)).toEqual([]);
		});

		test('dated summaries of given ids: listed ones only, newest first, unknown ids left out', async () => {
			const older = playbook('Picked older');
			const newer = playbook('Picked newer');
			const hidden = playbook('Picked hidden');
			const other = playbook('Not picked');
			await save(older, 1_000);
			await save(newer, 2_000);
			await save(hidden, 3_000);
			await save(other, 4_000);
			await store().setHidden(hidden.id, true);
			expect(await store().datedOf([older.id, hidden.id, 'no-such-playbook', newer.id])).toEqual([
				{ summary: summarizePlaybook(newer, true), createdAt: 2_000 },
				{ summary: summarizePlaybook(older, true), createdAt: 1_000 }
			]);
			expect(await store().datedOf([])).toEqual([]);
		});
	});
}
