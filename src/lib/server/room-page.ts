import { error } from '@sveltejs/kit';
import type { Locale } from '../playbooks/locale';
import { localizePlaybook } from '../playbooks/localize';
import { m } from '../paraglide/messages';
import { roomIdSchema } from '../protocol/ids';
import type { Playbook } from '../protocol/playbook';
import { directory } from './directory';

/**
 * What every page of a room needs: its id and the playbook it plays. An id that is malformed or
 * names no room, or a room whose playbook is gone (started before rooms kept a copy of theirs), is a 404.
 * The playbook comes in the `locale` of the person the page is for where it has one (people in one
 * room may each read their own), else in its own language.
 */
export async function loadRoomPage(
	roomIdParam: string,
	locale: Locale
): Promise<{ roomId: string; playbook: Playbook }> {
	const roomId = roomIdSchema.safeParse(roomIdParam);
	if (!roomId.success) error(404, m.pages_api_room_not_found());
	const room = await directory().getRoom(roomId.data);
	const playbook = room && (await directory().roomPlaybook(room));
	if (!room || !playbook) error(404, m.pages_api_room_not_found());
	return { roomId: room.id, playbook: localizePlaybook(playbook, locale) };
}
