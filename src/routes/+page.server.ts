import { builtInPlaybooks } from '$lib/playbooks/library';
import { summarizePlaybook } from '$lib/protocol/playbook';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	playbooks: builtInPlaybooks.map(summarizePlaybook)
});
