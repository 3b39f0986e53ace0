/**
 * Close codes of a document connection (`/yjs/<roomId>`, docs/protocol.md) that the browser acts
 * on. In the 44xx range, so the stock y-websocket provider does not reconnect after them.
 */

/** The room does not exist, or no longer: it ended (rule Y4). */
export const CLOSE_ROOM_NOT_FOUND = 4404;
/**
 * Not admitted (rules Y8, Y9, Y11): a projector link that is not (or no longer) the room's, or a
 * participant the host removed.
 */
export const CLOSE_NOT_ALLOWED = 4403;
/** Reasons of a projector's 4403 (rule Y8), as the server sends them and the browser tells apart. */
export const PROJECTOR_CLOSE_REASONS = {
	/** A token the room never had: mistyped, cut short, another room's. */
	notValid: 'projector link not valid',
	/** The room's token until a removal replaced it (S20). */
	replaced: 'projector link replaced'
} as const;
/**
 * The room is locked and the connection carries no participant's ticket (rules Y9, Y11): the
 * app reconnects with its ticket if it has one, else tells the person the room is locked.
 */
export const CLOSE_ROOM_LOCKED = 4423;
/** The room was just erased (rule Y10). */
export const CLOSE_ROOM_ERASED = 4410;
/** Too many messages on one connection (limit L2, RFC 6455 "policy violation"). */
export const CLOSE_POLICY_VIOLATION = 1008;
/** An update over the document's size or a field's length limit (L3, L4; RFC 6455 "too big"). */
export const CLOSE_TOO_BIG = 1009;

/**
 * Reasons of the limit closes (1008, 1009) that the browser tells apart, as the server sends
 * them (at most 123 bytes each).
 */
export const LIMIT_CLOSE_REASONS = {
	/** L2: too many frames on one connection. */
	tooManyMessages: 'too many messages',
	/** L3. */
	roomFull: 'room is full: the document has reached its size limit',
	/** L4. */
	textTooLong: 'text too long: a field went over its length limit',
	/** L7: the update would leave too much waiting for changes the room lacks. */
	missingChanges: 'update refers to changes the room does not have: reload the page',
	/** Y3: the update writes under, or waits for, a client id the server writes with. */
	serverClientId: 'update writes under, or waits for, a client id the server writes with',
	/** L8: one awareness state over its size. */
	awarenessTooLarge: 'awareness state too large'
} as const;
