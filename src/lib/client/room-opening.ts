import { roomIdentity } from './identity';
import { OpenedEarly } from './opened-early';
import { RoomSession } from './room-session.svelte';

const openedEarly = new OpenedEarly<RoomSession>();

/**
 * Opens a room's connections (document and socket.io, both at once) as the app starts, while the
 * room page's code is still loading and hydrating: the page then finds them synced instead of
 * opening them after hydration (docs/performance.md, "Room page"). Called by `hooks.client.ts`.
 */
export function openRoomEarly(roomId: string): void {
	// Someone returning joins again as the page starts (RoomVisit): meanwhile their session must
	// not watch the room as a stranger would, which the page never did when it opened it itself.
	openedEarly.open(
		roomId,
		(id) => new RoomSession(id, { joinFollows: roomIdentity(id) !== undefined })
	);
}

/** The room's session: the one opened early if there is one for it, else a new one. */
export function roomSession(roomId: string): RoomSession {
	return openedEarly.take(roomId) ?? new RoomSession(roomId);
}
