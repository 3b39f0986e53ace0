/** Methods that change nothing on the server: any page may send them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the cross-site check reads of a request. */
export interface OriginFacts {
	method: string | undefined;
	/** The `Origin` header: a browser sends it with every POST, naming the page's origin. */
	origin: string | undefined;
	/** The `Host` header: the address the browser was asked to send the request to. */
	host: string | undefined;
	/** PUBLIC_URL, when set: the address the app's pages are served from. */
	publicUrl: string | undefined;
}

const hostOf = (url: string): string | undefined => {
	try {
		return new URL(url).host.toLowerCase();
	} catch {
		return undefined;
	}
};

/**
 * Whether a state-changing request was sent by a page of another site (docs/security.md,
 * cross-site requests). Same site means the `Origin`'s host and port are the ones the request
 * was sent to (`Host`) or PUBLIC_URL's. The scheme is not compared: behind a proxy that ends
 * TLS the server sees http while the page is https, and a page on another scheme of this very
 * host is not another site's. No `Origin` at all is not a browser's cross-site request (curl,
 * the stock clients, scripts), so it passes; `Origin: null` (a sandboxed frame, a file) does not.
 */
export function isCrossSiteWrite(facts: OriginFacts): boolean {
	if (facts.method !== undefined && SAFE_METHODS.has(facts.method)) return false;
	if (facts.origin === undefined) return false;
	const from = hostOf(facts.origin);
	if (from === undefined) return true;
	if (facts.host !== undefined && from === facts.host.toLowerCase()) return false;
	return facts.publicUrl === undefined || from !== hostOf(facts.publicUrl);
}
