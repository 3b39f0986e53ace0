/**
 * The push services the server sends to (protocol W2, docs/security.md). A subscription names an
 * endpoint URL that the server will later POST to: left open, anyone in a room could make the
 * server send requests to an address of their choosing (its own network included). So only the
 * push services of the browsers people use are accepted, and an operator can name others.
 */
export const DEFAULT_PUSH_SERVICES: readonly string[] = [
	// Chrome, Edge on Android, Samsung Internet, Opera…
	'fcm.googleapis.com',
	// Firefox
	'updates.push.services.mozilla.com',
	// Safari (web.push.apple.com)
	'*.push.apple.com',
	// Edge on Windows (wns2-*.notify.windows.com)
	'*.notify.windows.com'
];

/**
 * Parses `PUSH_SERVICES`: host names separated by commas; `*.example.com` stands for any host
 * under example.com (not example.com itself); `host:port` for a host on a port other than 443.
 */
export const parsePushServices = (text: string): string[] =>
	text
		.split(',')
		.map((entry) => entry.trim().toLowerCase())
		.filter((entry) => entry !== '');

const matches = (host: string, pattern: string): boolean =>
	pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;

/**
 * Whether the server sends to `endpoint`: an https URL without a name or password, whose host
 * (with its port when not 443) is one of `services`.
 */
export function pushServiceAllowed(endpoint: string, services: readonly string[]): boolean {
	if (!URL.canParse(endpoint)) return false;
	const url = new URL(endpoint);
	if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
	return services.some((pattern) => matches(url.host.toLowerCase(), pattern));
}
