import { error } from '@sveltejs/kit';
import { findBuiltInPlaybook } from '$lib/playbooks/library';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';
import { notFound } from '$lib/not-found';

export const load: PageServerLoad = async ({ params }) => {
	const playbook = await directory().findPlaybook(params.id);
	if (!playbook) error(404, notFound({ kind: 'playbook' }));
	return { playbook, community: findBuiltInPlaybook(playbook.id) === undefined };
};
