import { assertNever } from './assert-never';
import { m } from './paraglide/messages';

/** A room or a team space, as the first part of an address under it names it. */
export interface Space {
	kind: 'room' | 'team';
	id: string;
}

/**
 * What a 404 did not find (App.Error's `missing`), so the error page says what is true: the room
 * or team space itself, or only a page, perhaps under a room or team space that is there.
 */
export type Missing =
	{ kind: 'room' } | { kind: 'team' } | { kind: 'playbook' } | { kind: 'page'; within?: Space };

/** The error a 404 answers with: its `missing` and the words that go with it. */
export function notFound(missing: Missing): App.Error {
	switch (missing.kind) {
		case 'room':
			return { message: m.pages_api_room_not_found(), missing };
		case 'team':
			return { message: m.pages_api_team_not_found(), missing };
		case 'playbook':
			return { message: m.pages_error_no_playbook(), missing };
		case 'page':
			return { message: m.pages_error_nothing_here(), missing };
		default:
			return assertNever(missing);
	}
}

const UNDER_SPACE = /^\/(r|t)\/([^/]+)(?:\/|$)/;

/**
 * The room (`/r/<id>/…`) or team space (`/t/<id>/…`) an address lies under, by its path alone:
 * whether that room or team space exists is for the server to say.
 */
export function spaceUnder(pathname: string): Space | undefined {
	const [, prefix, segment] = UNDER_SPACE.exec(pathname) ?? [];
	if (segment === undefined) return undefined;
	return { kind: prefix === 'r' ? 'room' : 'team', id: decodedSegment(segment) };
}

/**
 * A path segment as SvelteKit hands it to a route's parameters (decoded), so `/r/%4E…/x` names
 * the same room as `/r/%4E…`; one that does not decode stays as it is and names no room.
 */
function decodedSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
