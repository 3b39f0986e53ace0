import { error } from '@sveltejs/kit';
import { m } from '../paraglide/messages';
import {
	LIBRARY_BUSY_ERROR_NAME,
	providedDirectory,
	UNAVAILABLE_ERROR_NAME,
	type Directory
} from './handover';

export type { Directory } from './handover';

/**
 * `work`, with storage out of reach turned into a 503 page instead of a failure, in the
 * person's words (the API's 503 says the same in English).
 */
async function unavailableAs503<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (failure) {
		if (failure instanceof Error && failure.name === UNAVAILABLE_ERROR_NAME) {
			error(503, m.pages_api_unavailable());
		}
		if (failure instanceof Error && failure.name === LIBRARY_BUSY_ERROR_NAME) {
			error(503, m.pages_api_busy());
		}
		throw failure;
	}
}

/** The realtime server's rooms, playbooks and teams, for page loads (server/realtime.ts provides it). */
export function directory(): Directory {
	const found = providedDirectory();
	if (!found) throw new Error('the realtime server has not started');
	return {
		getRoom: (roomId) => unavailableAs503(found.getRoom(roomId)),
		findPlaybook: (id) => unavailableAs503(found.findPlaybook(id)),
		roomPlaybook: (room) => unavailableAs503(found.roomPlaybook(room)),
		libraryPage: (filters, paging) => unavailableAs503(found.libraryPage(filters, paging)),
		countPlaybooks: () => unavailableAs503(found.countPlaybooks()),
		teamExists: (teamId) => unavailableAs503(found.teamExists(teamId)),
		communityPublishing: found.communityPublishing
	};
}
