import type { IncomingMessage } from 'node:http';

/**
 * The scheme the browser used. The server speaks plain HTTP itself, so a request came over
 * HTTPS only when a trusted proxy (TRUST_PROXY) terminated TLS and says so in
 * X-Forwarded-Proto. Any client can send that header, so without a trusted proxy it is ignored.
 * nginx sets the header rather than appending to it (deploy/nginx/proxy.conf): its first entry
 * is the one the proxy wrote.
 */
export function requestScheme(req: IncomingMessage, trustProxy: number): 'http' | 'https' {
	const forwarded = trustProxy > 0 ? req.headers['x-forwarded-proto'] : undefined;
	const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
	return first?.toLowerCase() === 'https' ? 'https' : 'http';
}
