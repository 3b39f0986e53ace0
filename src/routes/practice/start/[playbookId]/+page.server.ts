import { error } from '@sveltejs/kit';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const playbook = await directory().findPlaybook(params.playbookId);
	if (!playbook) error(404, 'There is no playbook at this address.');
	return { playbook: { id: playbook.id, title: playbook.title } };
};
