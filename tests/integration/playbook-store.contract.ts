import { describe, expect, test } from 'vitest';
import type { PlaybookStore } from '../../server/playbooks/playbook-store';
import { builtInPlaybooks } from '../../src/lib/playbooks/library';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { freshStore, type Opened } from './fresh-store';

let counter = 0;
function playbook(title: string): Playbook {
	return { ...builtInPlaybooks[0]!, id: `contract-${++counter}-${process.pid}`, title };
}

/** The behaviour every PlaybookStore must have (SQLite and Redis run this same suite). */
export function playbookStoreContract(
	name: string,
	open: () => Promise<Opened<PlaybookStore>>
): void {
	describe(`PlaybookStore contract: ${name}`, () => {
		const store = freshStore(() => open());

		test('a saved playbook is found whole by its id; an unknown id is not', async () => {
			const saved = playbook('Saved');
			await store().save(saved, 1);
			expect(await store().get(saved.id)).toEqual(saved);
			expect(await store().get('no-such-playbook')).toBeUndefined();
		});

		test('saving an id twice fails and keeps the first', async () => {
			const first = playbook('First');
			await store().save(first, 1);
			await expect(store().save({ ...first, title: 'Second' }, 2)).rejects.toThrow();
			expect((await store().get(first.id))?.title).toBe('First');
		});

		test('the list has every saved playbook, newest first', async () => {
			const older = playbook('Older');
			const newer = playbook('Newer');
			await store().save(older, 1_000);
			await store().save(newer, 2_000);
			const titles = (await store().list()).map((p) => p.title);
			expect(titles.indexOf('Newer')).toBeLessThan(titles.indexOf('Older'));
			expect(titles.indexOf('Older')).toBeGreaterThanOrEqual(0);
		});

		test('the dated list has every saved playbook with its saving time, newest first', async () => {
			const older = playbook('Dated older');
			const newer = playbook('Dated newer');
			await store().save(older, 1_000);
			await store().save(newer, 2_000);
			const dated = (await store().listDated()).filter((entry) =>
				[older.id, newer.id].includes(entry.playbook.id)
			);
			expect(dated).toEqual([
				{ playbook: newer, createdAt: 2_000 },
				{ playbook: older, createdAt: 1_000 }
			]);
		});
	});
}
