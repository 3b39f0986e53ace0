import { error } from '@sveltejs/kit';
import { notFound } from '../not-found';
import type { Locale } from '../playbooks/locale';
import { localizePlaybook } from '../playbooks/localize';
import { roomIdSchema } from '../protocol/ids';
import type { Playbook } from '../protocol/playbook';
import { directory } from './directory';

/**
 * The room `roomIdParam` names and the playbook it plays; none when the id is malformed or names
 * no room, or the room's playbook is gone (started before rooms kept a copy of theirs).
 */
export async function findRoom(
	roomIdParam: string
): Promise<{ roomId: string; playbook: Playbook } | undefined> {
	const roomId = roomIdSchema.safeParse(roomIdParam);
	if (!roomId.success) return undefined;
	const room = await directory().getRoom(roomId.data);
	const playbook = room && (await directory().roomPlaybook(room));
	return room && playbook ? { roomId: room.id, playbook } : undefined;
}

/**
 * What every page of a room needs: its id and the playbook it plays. A room `findRoom` does not
 * find is a 404 that says so. The playbook comes in the `locale` of the person the page is for
 * where it has one (people in one room may each read their own), else in its own language.
 */
export async function loadRoomPage(
	roomIdParam: string,
	locale: Locale
): Promise<{ roomId: string; playbook: Playbook }> {
	const found = await findRoom(roomIdParam);
	if (!found) error(404, notFound({ kind: 'room' }));
	return { roomId: found.roomId, playbook: localizePlaybook(found.playbook, locale) };
}
