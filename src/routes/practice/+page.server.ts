import { readFilters } from '$lib/playbooks/filters';
import { personLocale } from '$lib/playbooks/locale';
import { localizeSummary } from '$lib/playbooks/localize';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

/** Playbooks offered for planning: the built-in collection and the newest community ones. */
const PLANNABLE = 100;

/**
 * The playbooks by id and title, for the plan's choices and the calendar's titles: a page of the
 * library, not a whole large one. A journal entry of an older playbook shows its id instead.
 */
export const load: PageServerLoad = async () => {
	const page = await directory().libraryPage(readFilters(new URLSearchParams()), {
		offset: 0,
		limit: PLANNABLE
	});
	return {
		playbooks: page.playbooks
			.map((summary) => localizeSummary(summary, personLocale()))
			.map(({ id, title }) => ({ id, title }))
	};
};
