import type { RoomMeta } from '../protocol/http';

/** What SvelteKit's pages need from the realtime server: whether a room exists. */
export interface RoomDirectory {
	getRoom(roomId: string): Promise<RoomMeta | undefined>;
}

/**
 * The composition root (server/) and SvelteKit's bundle are separate module graphs in one
 * process, so the directory is handed over through a well-known global symbol.
 */
const KEY = Symbol.for('practice-room.room-directory');
type Holder = { [KEY]?: RoomDirectory };

export function provideRoomDirectory(directory: RoomDirectory): void {
	(globalThis as Holder)[KEY] = directory;
}

export function roomDirectory(): RoomDirectory {
	const directory = (globalThis as Holder)[KEY];
	if (!directory) throw new Error('the realtime server has not started');
	return directory;
}
