import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

/** `?from=<id>` starts the form from a copy of that playbook. */
export const load: PageServerLoad = async ({ url }) => {
	const from = url.searchParams.get('from');
	return {
		from: from ? ((await directory().findPlaybook(from)) ?? null) : null,
		publishing: directory().communityPublishing
	};
};
