import { directory } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	playbooks: await directory().listPlaybooks()
});
