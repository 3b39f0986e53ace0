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
