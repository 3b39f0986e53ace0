/**
 * The team API's abuse limits (docs/protocol.md, L6). A share is a few kilobytes at most
 * (26 weeks of counts), so its body limit is far below the API's general one.
 */
export const MAX_TEAM_BODY_BYTES = 16 * 1024;

/**
 * Team writes (creating a team, sharing, withdrawing) per client address per hour, unless
 * TEAM_WRITES_PER_ADDRESS_PER_HOUR says otherwise: a team of fifty behind one office address
 * sharing twice each, with room to spare.
 */
export const DEFAULT_TEAM_WRITES_PER_ADDRESS_PER_HOUR = 120;

export const TOO_MANY_TEAM_WRITES =
	'Too many team changes came from your network in the last hour. Try again later.';

/**
 * Pairing writes (cards, Make pairs, cadence, fit answers, starting a pair's room) per client
 * address per hour, unless PAIRING_WRITES_PER_ADDRESS_PER_HOUR says otherwise: fifty people
 * behind one office address editing their cards a few times each.
 */
export const DEFAULT_PAIRING_WRITES_PER_ADDRESS_PER_HOUR = 240;

export const TOO_MANY_PAIRING_WRITES =
	'Too many pairing changes came from your network in the last hour. Try again later.';
