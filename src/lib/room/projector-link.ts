import { secretSchema } from '../protocol/ids';

export const MISSING_PROJECTOR_KEY =
	'This projector link is missing its key. Copy it again from the room.';
/** The server's words for a token that is not the room's, used for one that cannot be either. */
export const INVALID_PROJECTOR_KEY = 'This projector link is not valid for this room.';

export type ProjectorKey = { ok: true; token: string } | { ok: false; problem: string };

/**
 * The projector token from a location hash (`#<token>`). The token travels in the fragment so
 * it never reaches a server log; a hash that cannot be a token is refused before connecting.
 */
export function projectorKey(hash: string): ProjectorKey {
	const token = hash.replace(/^#/, '').trim();
	if (token === '') return { ok: false, problem: MISSING_PROJECTOR_KEY };
	return secretSchema.safeParse(token).success
		? { ok: true, token }
		: { ok: false, problem: INVALID_PROJECTOR_KEY };
}

/** The projector page's address with its key: `<path>#<token>`. */
export function projectorHref(projectorPath: string, token: string): string {
	return `${projectorPath}#${token}`;
}
