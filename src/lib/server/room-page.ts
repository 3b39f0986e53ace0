import { error } from '@sveltejs/kit';
import { ROOM_NOT_FOUND } from '../protocol/http';
import { roomIdSchema } from '../protocol/ids';
import type { Playbook } from '../protocol/playbook';
import { directory } from './directory';

/**
 * What every page of a room needs: its id and the playbook it plays. An id that is malformed or
 * names no room, or a room whose playbook is gone (started before rooms kept a copy of theirs), is a 404.
 */
export async function loadRoomPage(
	roomIdParam: string
): Promise<{ roomId: string; playbook: Playbook }> {
	const roomId = roomIdSchema.safeParse(roomIdParam);
	if (!roomId.success) error(404, ROOM_NOT_FOUND);
	const room = await directory().getRoom(roomId.data);
	const playbook = room && (await directory().roomPlaybook(room));
	if (!room || !playbook) error(404, ROOM_NOT_FOUND);
	return { roomId: room.id, playbook };
}
