import { error } from '@sveltejs/kit';
import { personLocale } from '$lib/playbooks/locale';
import { localizePlaybook } from '$lib/playbooks/localize';
import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';
import { notFound } from '$lib/not-found';

export const load: PageServerLoad = async ({ params }) => {
	const playbook = await directory().findPlaybook(params.playbookId);
	if (!playbook) error(404, notFound({ kind: 'playbook' }));
	return { playbook: { id: playbook.id, title: localizePlaybook(playbook, personLocale()).title } };
};
