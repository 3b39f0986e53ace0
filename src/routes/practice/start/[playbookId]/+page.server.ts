import { error } from '@sveltejs/kit';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params }) => {
	const playbook = await directory().findPlaybook(params.playbookId);
	if (!playbook) error(404, m.pages_error_no_playbook());
	return { playbook: { id: playbook.id, title: playbook.title } };
};
