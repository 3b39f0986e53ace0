import type { LibraryFilters } from '../playbooks/filters';
import type { LibraryPage } from '../playbooks/library-page';
import type { RoomMeta } from '../protocol/http';
import type { Playbook } from '../protocol/playbook';

/** What SvelteKit's pages need from the realtime server: rooms and playbooks. */
export interface Directory {
	getRoom(roomId: string): Promise<RoomMeta | undefined>;
	findPlaybook(id: string): Promise<Playbook | undefined>;
	/** A page of the library matching `filters` (never the whole of a large library). */
	libraryPage(
		filters: LibraryFilters,
		paging: { offset: number; limit: number }
	): Promise<LibraryPage>;
	/** How many playbooks the library lists, built-in and community. */
	countPlaybooks(): Promise<number>;
	/** Whether people may save community playbooks here (COMMUNITY_PLAYBOOKS). */
	communityPublishing: boolean;
}

/**
 * The composition root (server/) and SvelteKit's bundle are separate module graphs in one
 * process, so the directory is handed over through a well-known global symbol.
 */
const KEY = Symbol.for('practice-room.directory');
type Holder = { [KEY]?: Directory };

export function provideDirectory(directory: Directory): void {
	(globalThis as Holder)[KEY] = directory;
}

export function directory(): Directory {
	const found = (globalThis as Holder)[KEY];
	if (!found) throw new Error('the realtime server has not started');
	return found;
}
