import { requireTeam } from '$lib/server/team-page';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params }) => requireTeam(params.teamId);
