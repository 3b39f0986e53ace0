import type { TurnWindows } from '../protocol/control';
import { createRoomReplySchema } from '../protocol/http';
import { apiProblemWords } from './api-problem-words';
import { m } from '../paraglide/messages';
import { saveHostKey } from './identity';

/**
 * Asks the server for a new room; answers its id, or a message a person can read. Used by the
 * library and the playbook page alike.
 */
export async function startRoom(
	playbookId: string,
	/** Run it across time zones with these windows (protocol A1). */
	turns?: { windowsMs: TurnWindows }
): Promise<{ ok: true; roomId: string } | { ok: false; message: string }> {
	try {
		const response = await fetch('/api/rooms', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ playbookId, async: turns })
		});
		const body: unknown = await response.json().catch(() => undefined);
		const created = createRoomReplySchema.safeParse(body);
		if (response.ok && created.success) {
			// Whoever starts the room holds its host key, in this browser only.
			saveHostKey(created.data.id, created.data.hostKey);
			return { ok: true, roomId: created.data.id };
		}
		return { ok: false, message: apiProblemWords(body, m.pages_start_room_failed()) };
	} catch {
		return {
			ok: false,
			message: m.pages_start_room_offline()
		};
	}
}
