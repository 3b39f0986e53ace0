import type { IncomingMessage } from 'node:http';

/**
 * A request's URL, or undefined when its target cannot be parsed (an absolute URL with a broken
 * host, say): `new URL` throws on those, and a throw in a request or upgrade handler would take
 * the server down.
 */
export function requestUrl(req: Pick<IncomingMessage, 'url'>): URL | undefined {
	try {
		return new URL(req.url ?? '/', 'http://localhost');
	} catch {
		return undefined;
	}
}
