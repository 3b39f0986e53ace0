import type { CreateRoomReply } from '../../src/lib/protocol/http';

/**
 * Sends `body` to `base` + `path` as JSON with `method`, as the app's pages do. A string is sent
 * as it is, so a test can send a malformed body.
 */
export function sendJson(
	method: string,
	base: string,
	path: string,
	body: unknown
): Promise<Response> {
	return fetch(`${base}${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

/** POSTs `body` to `base` + `path` as JSON (see `sendJson`). */
export function postJson(base: string, path: string, body: unknown): Promise<Response> {
	return sendJson('POST', base, path, body);
}

/** Starts a room of `playbookId` through the API, as the library's "Start a room" does. */
export async function createRoom(
	baseUrl: string,
	playbookId = 'active-listening-sprint',
	/** The rest of the request, e.g. `{ async: {} }` for a room run across time zones. */
	options: Record<string, unknown> = {}
): Promise<CreateRoomReply> {
	const response = await postJson(baseUrl, '/api/rooms', { ...options, playbookId });
	if (response.status !== 201) throw new Error(`room not created: ${response.status}`);
	return (await response.json()) as CreateRoomReply;
}
