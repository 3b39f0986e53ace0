import type { TurnWindows } from '../protocol/control';
import { createRoomReplySchema } from '../protocol/http';
import { apiProblemWords } from './api-problem-words';
import { m } from '../paraglide/messages';
import { saveHostKey } from './identity';
import { requestJson } from './json-request';

/**
 * Asks the server for a new room; answers its id, or a message a person can read. Used by the
 * library and the playbook page alike.
 */
export async function startRoom(
	playbookId: string,
	/** Run it across time zones with these windows (protocol A1). */
	turns?: { windowsMs: TurnWindows }
): Promise<{ ok: true; roomId: string } | { ok: false; message: string }> {
	const answer = await requestJson('/api/rooms', createRoomReplySchema, {
		method: 'POST',
		json: { playbookId, async: turns }
	});
	if (answer.ok) {
		// Whoever starts the room holds its host key, in this browser only.
		saveHostKey(answer.data.id, answer.data.hostKey);
		return { ok: true, roomId: answer.data.id };
	}
	if (answer.status === 0) return { ok: false, message: m.pages_start_room_offline() };
	return { ok: false, message: apiProblemWords(answer.body, m.pages_start_room_failed()) };
}
