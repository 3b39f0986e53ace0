/** A Content-Security-Policy header as directive name → its sources. */
export function parseCsp(header: string | null): Record<string, string[]> {
	const directives: Record<string, string[]> = {};
	for (const directive of (header ?? '').split(';')) {
		const [name, ...sources] = directive.trim().split(/\s+/);
		if (name) directives[name.toLowerCase()] = sources;
	}
	return directives;
}

/** 'self', 'none', a nonce, a hash, or 'unsafe-hashes' (which lets hashes match attributes). */
const STRICT_SOURCE = /^'(self|none|unsafe-hashes|nonce-[^']+|sha256-[^']+)'$/;

/**
 * The one loosening the pages' policy allows: a voice take played back from a `blob:` URL
 * before it is sent (docs/security.md); only this origin's script can make such a URL.
 */
const ALLOWED_LOOSE: Readonly<Record<string, readonly string[]>> = { 'media-src': ['blob:'] };

/** Every source that loosens a policy: a host, a scheme, 'unsafe-inline', 'unsafe-eval'… */
export function looseSources(csp: Record<string, string[]>): string[] {
	return Object.entries(csp).flatMap(([name, sources]) =>
		sources.filter(
			(source) => !STRICT_SOURCE.test(source) && !(ALLOWED_LOOSE[name] ?? []).includes(source)
		)
	);
}

/** The headers every response carries, whatever answered it, in the shape of their expectation. */
export function securityHeadersOf(headers: Headers) {
	return {
		'referrer-policy': headers.get('referrer-policy'),
		'x-content-type-options': headers.get('x-content-type-options'),
		'cross-origin-opener-policy': headers.get('cross-origin-opener-policy'),
		'x-frame-options': headers.get('x-frame-options'),
		'frame-ancestors': parseCsp(headers.get('content-security-policy'))['frame-ancestors'],
		'permissions-policy': Object.fromEntries(
			(headers.get('permissions-policy') ?? '')
				.split(',')
				.map((feature) => feature.trim().split('='))
		)
	};
}

/** What every response must carry (docs/security.md); the Permissions-Policy names a few of its features. */
export const ON_EVERY_RESPONSE = {
	'referrer-policy': 'no-referrer',
	'x-content-type-options': 'nosniff',
	'cross-origin-opener-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'frame-ancestors': ["'none'"],
	'permissions-policy': { camera: '()', microphone: '(self)', geolocation: '()' }
};
