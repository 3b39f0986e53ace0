import { spaceUnder, type Missing } from '../not-found';
import { directory } from './directory';
import { findRoom } from './room-page';

/**
 * What an address no page matches is missing: under a room or team space that exists, only the
 * page (the error page then leads back to it); under one that does not, the room or team space
 * itself, as its own link says (`/r/<missing>` and `/r/<missing>/extra` read alike).
 */
export async function missingAt(pathname: string): Promise<Missing> {
	const space = spaceUnder(pathname);
	if (!space) return { kind: 'page' };
	try {
		const exists =
			space.kind === 'room'
				? (await findRoom(space.id)) !== undefined
				: await directory().teamExists(space.id);
		return exists ? { kind: 'page', within: space } : { kind: space.kind };
	} catch {
		// Storage out of reach (a 503 from the directory) or failing otherwise: that the address
		// has no page is still true, and all that is known. Throwing here would turn the 404 into
		// SvelteKit's bare 500 page (handleError must not throw); the storage guard logs failures.
		return { kind: 'page' };
	}
}
