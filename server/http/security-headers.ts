import type { ServerResponse } from 'node:http';

/**
 * Browser features the app never uses, turned off for the page and anything it might embed.
 * Left on: `screen-wake-lock` (the projector keeps its screen awake) and the clipboard (copy
 * buttons); the microphone is this origin's alone (voice clips, protocol B1), see
 * {@link SELF_ONLY_FEATURES}. Only names Chromium knows: an unknown one is a console warning on
 * every page (`bluetooth` was one: Chromium no longer knows it, so it turned nothing off there).
 */
const DISABLED_FEATURES = [
	'accelerometer',
	'camera',
	'display-capture',
	'geolocation',
	'gyroscope',
	'hid',
	'magnetometer',
	'midi',
	'payment',
	'serial',
	'usb',
	'xr-spatial-tracking'
];

/** Features this origin uses and nothing it might embed: the recorder's microphone. */
const SELF_ONLY_FEATURES = ['microphone'];

/**
 * Sent with every response: pages, the JSON API, errors and static files. Pages replace the
 * Content-Security-Policy with SvelteKit's own (`kit.csp` in svelte.config.js), which adds what
 * a page needs; everything else loads nothing and may be framed by nobody.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
	'x-frame-options': 'DENY',
	'referrer-policy': 'no-referrer',
	'x-content-type-options': 'nosniff',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': [
		...DISABLED_FEATURES.map((feature) => `${feature}=()`),
		...SELF_ONLY_FEATURES.map((feature) => `${feature}=(self)`)
	].join(', ')
};

/**
 * Strict-Transport-Security, sent only on answers that travelled over HTTPS (browsers ignore it
 * over plain HTTP anyway): for a year, browsers then refuse plain HTTP to this host, so a
 * neighbour on the network cannot strip TLS and read a room link. Not `includeSubDomains`: other
 * hosts under the same domain are the operator's business. deploy/nginx-tls.conf sends the same.
 */
export const HSTS = 'max-age=31536000';

/**
 * Sets the security headers before anything answers; later headers of the same name win.
 * `overHttps`: the request reached the browser over HTTPS (`requestScheme` in request-scheme.ts).
 */
export function setSecurityHeaders(res: ServerResponse, overHttps = false): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	if (overHttps) res.setHeader('strict-transport-security', HSTS);
}
