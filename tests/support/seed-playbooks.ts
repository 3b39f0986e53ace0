import type { PlaybookStore } from '../../server/playbooks/playbook-store';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { Playbook } from '../../src/lib/protocol/playbook';

/**
 * The built-in Five-Minute Win in English only, as its translations are not of the titles given
 * here. Made once: cloning its translations for each of 10,000 seeded playbooks held the event
 * loop long enough for Redis commands to time out.
 */
function englishFiveMinuteWin(): Playbook {
	const base = findBuiltInPlaybook('five-minute-win');
	if (!base) throw new Error('the built-in playbook is missing');
	const english = structuredClone(base);
	delete english.translations;
	return english;
}
let english: Playbook | undefined;

/** A valid community playbook under `id`, titled `title`, as a person could have saved it. */
export function communityPlaybook(id: string, title: string): Playbook {
	english ??= englishFiveMinuteWin();
	return { ...structuredClone(english), id, title, author: 'Mallory' };
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
