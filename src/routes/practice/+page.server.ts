import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

/** The playbooks by id and title: for the plan's choices and the calendar's titles. */
export const load: PageServerLoad = async () => ({
	playbooks: (await directory().listPlaybooks()).map(({ id, title }) => ({ id, title }))
});
