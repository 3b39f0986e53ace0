/**
 * POSTs `body` to `base` + `path` as JSON, as the app's pages do. A string is sent as it is, so a
 * test can send a malformed body.
 */
export function postJson(base: string, path: string, body: unknown): Promise<Response> {
	return fetch(`${base}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}
