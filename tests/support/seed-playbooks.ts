import type { PlaybookStore } from '../../server/playbooks/playbook-store';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { Playbook } from '../../src/lib/protocol/playbook';

/**
 * A valid community playbook under `id`, titled `title`, as a person could have saved it: in
 * English only, as the built-in's translations are not of this title.
 */
export function communityPlaybook(id: string, title: string): Playbook {
	const base = findBuiltInPlaybook('five-minute-win');
	if (!base) throw new Error('the built-in playbook is missing');
	const playbook = { ...structuredClone(base), id, title, author: 'Mallory' };
	delete playbook.translations;
	return playbook;
}

/**
 * Stores `count` community playbooks straight into a store, oldest first (`seeded-<index>`,
 * titled by `title`), past any cap. Inside one SQLite transaction this takes a few seconds for
 * 10,000.
 */
export function seedPlaybooks(
	store: PlaybookStore,
	count: number,
	title: (index: number) => string = (index) => `Seeded ${index}`
): Promise<unknown> {
	const saves = Array.from({ length: count }, (_, index) =>
		store.save(
			{
				playbook: communityPlaybook(`seeded-${index}`, title(index)),
				createdAt: 1_000 + index,
				deleteTokenHash: 'seeded'
			},
			Number.MAX_SAFE_INTEGER
		)
	);
	return Promise.all(saves);
}
