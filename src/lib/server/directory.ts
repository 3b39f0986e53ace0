import { error } from '@sveltejs/kit';
import { COMMUNITY_WORDS } from '../protocol/community';
import {
	LIBRARY_BUSY_ERROR_NAME,
	providedDirectory,
	UNAVAILABLE_ERROR_NAME,
	type Directory
} from './handover';

export type { Directory } from './handover';

/** What a page says when storage cannot be reached; the same words as the API's 503. */
export const UNAVAILABLE_WORDS =
	'The server cannot reach its storage just now. Try again in a moment.';

/** `work`, with storage out of reach turned into a 503 page instead of a failure. */
async function unavailableAs503<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (failure) {
		if (failure instanceof Error && failure.name === UNAVAILABLE_ERROR_NAME) {
			error(503, UNAVAILABLE_WORDS);
		}
		if (failure instanceof Error && failure.name === LIBRARY_BUSY_ERROR_NAME) {
			error(503, COMMUNITY_WORDS.busy);
		}
		throw failure;
	}
}

/** The realtime server's rooms and playbooks, for page loads (server/realtime.ts provides it). */
export function directory(): Directory {
	const found = providedDirectory();
	if (!found) throw new Error('the realtime server has not started');
	return {
		getRoom: (roomId) => unavailableAs503(found.getRoom(roomId)),
		findPlaybook: (id) => unavailableAs503(found.findPlaybook(id)),
		roomPlaybook: (room) => unavailableAs503(found.roomPlaybook(room)),
		libraryPage: (filters, paging) => unavailableAs503(found.libraryPage(filters, paging)),
		countPlaybooks: () => unavailableAs503(found.countPlaybooks()),
		communityPublishing: found.communityPublishing
	};
}
