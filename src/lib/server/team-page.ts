import { error } from '@sveltejs/kit';
import { m } from '../paraglide/messages';
import { directory } from './directory';

/**
 * Lets a team link's pages through only when the link names a team space now: a malformed,
 * unknown or expired one is a 404, shown by the error page with a way on. The pages themselves
 * load the team in the browser, where the member key and the journal are.
 */
export async function requireTeam(teamIdParam: string): Promise<void> {
	if (!(await directory().teamExists(teamIdParam))) error(404, m.pages_api_team_not_found());
}
