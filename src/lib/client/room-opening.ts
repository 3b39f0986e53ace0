import { OpenedEarly } from './opened-early';
import { RoomSession } from './room-session.svelte';

const openedEarly = new OpenedEarly<RoomSession>();

/**
 * Opens a room's connections (document and socket.io, both at once) as the app starts, while the
 * room page's code is still loading and hydrating: the page then finds them synced instead of
 * opening them after hydration (docs/performance.md, "Room page"). Called by `hooks.client.ts`.
 */
export function openRoomEarly(roomId: string): void {
	openedEarly.open(roomId, (id) => new RoomSession(id));
}

/** The room's session: the one opened early if there is one for it, else a new one. */
export function roomSession(roomId: string): RoomSession {
	return openedEarly.take(roomId) ?? new RoomSession(roomId);
}
