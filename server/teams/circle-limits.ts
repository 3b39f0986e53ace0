/**
 * The circle's abuse limits (docs/protocol.md, LC1). A post is at most a few sentences, so its
 * body limit is small.
 */
export const MAX_CIRCLE_BODY_BYTES = 4 * 1024;

/**
 * Circle writes (a post, a proposal, a "tried it", a deletion) per client address per hour,
 * unless CIRCLE_WRITES_PER_ADDRESS_PER_HOUR says otherwise: a team of fifty behind one office
 * address each posting a few times a month, with room to spare.
 */
export const DEFAULT_CIRCLE_WRITES_PER_ADDRESS_PER_HOUR = 120;

export const TOO_MANY_CIRCLE_WRITES =
	'Too many posts came from your network in the last hour. Try again later.';
