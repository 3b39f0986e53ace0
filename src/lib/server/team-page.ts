import { error } from '@sveltejs/kit';
import { notFound } from '../not-found';
import { directory } from './directory';

/**
 * Lets a team link's pages through only when the link names a team space now: a malformed,
 * unknown or expired one is a 404 that says so, shown by the error page with a way on. The pages
 * themselves load the team in the browser, where the member key and the journal are.
 */
export async function requireTeam(teamIdParam: string): Promise<void> {
	if (!(await directory().teamExists(teamIdParam))) error(404, notFound({ kind: 'team' }));
}
