import { matchesFilters, readFilters } from '$lib/playbooks/filters';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const filters = readFilters(url.searchParams);
	const all = await directory().listPlaybooks();
	return {
		filters,
		total: all.length,
		playbooks: all.filter((playbook) => matchesFilters(playbook, filters))
	};
};
