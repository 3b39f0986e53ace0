import { secretSchema } from '../protocol/ids';

/**
 * What is wrong with a projector link, for the page to word: `invalid` as the server words a
 * token that is not the room's, since this one cannot be either.
 */
export type ProjectorKeyProblem = 'missing' | 'invalid';

export type ProjectorKey =
	{ ok: true; token: string } | { ok: false; problem: ProjectorKeyProblem };

/**
 * The projector token from a location hash (`#<token>`). The token travels in the fragment so
 * it never reaches a server log; a hash that cannot be a token is refused before connecting.
 */
export function projectorKey(hash: string): ProjectorKey {
	const token = hash.replace(/^#/, '').trim();
	if (token === '') return { ok: false, problem: 'missing' };
	return secretSchema.safeParse(token).success
		? { ok: true, token }
		: { ok: false, problem: 'invalid' };
}

/** The projector page's address with its key: `<path>#<token>`. */
export function projectorHref(projectorPath: string, token: string): string {
	return `${projectorPath}#${token}`;
}
