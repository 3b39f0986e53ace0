import { redirect } from '@sveltejs/kit';
import { hasFilters, readFilters } from '$lib/playbooks/filters';
import { HOME_PAGE_SIZE, pageQuery, readPageNumber } from '$lib/playbooks/library-page';
import { personLocale } from '$lib/playbooks/locale';
import { localizeSummary } from '$lib/playbooks/localize';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const filters = readFilters(url.searchParams);
	const page = readPageNumber(url.searchParams);
	// The filter form sent by its button (before the page's script runs, or without it) names
	// every field, empty ones too: the view moves to the address the hydrated page goes to.
	const query = pageQuery(filters, page);
	if (url.search !== query) redirect(307, `${url.pathname}${query}`);
	const paging = { offset: (page - 1) * HOME_PAGE_SIZE, limit: HOME_PAGE_SIZE };
	// One after the other: with storage down the first fails the page, and the failure is
	// logged and counted once, not once per read.
	const found = await directory().libraryPage(filters, paging);
	const total = await directory().countPlaybooks();
	return {
		filters,
		filtered: hasFilters(filters),
		page,
		first: paging.offset + 1,
		total,
		// Cards in the language filtered by, else in the person's, where the playbook has it.
		playbooks: found.playbooks.map((summary) =>
			localizeSummary(summary, filters.language ?? personLocale())
		),
		hasMore: found.hasMore
	};
};
