import { readFilters } from '$lib/playbooks/filters';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

/**
 * The playbooks to plan with, by id and title: the built-in collection and the newest community
 * playbooks, not a whole large library. A journal entry of an older one shows its id.
 */
const PLANNABLE = 100;

export const load: PageServerLoad = async () => {
	const page = await directory().libraryPage(readFilters(new URLSearchParams()), {
		offset: 0,
		limit: PLANNABLE
	});
	return { playbooks: page.playbooks.map(({ id, title }) => ({ id, title })) };
};
