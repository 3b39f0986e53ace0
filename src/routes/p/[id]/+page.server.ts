import { error } from '@sveltejs/kit';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const playbook = await directory().findPlaybook(params.id);
	if (!playbook) error(404, 'There is no playbook at this address.');
	const summaries = await directory().listPlaybooks();
	const community = summaries.find((summary) => summary.id === playbook.id)?.community ?? false;
	return { playbook, community };
};
