/**
 * Close codes of a document connection (`/yjs/<roomId>`, docs/protocol.md) that the browser acts
 * on. In the 44xx range, so the stock y-websocket provider does not reconnect after them.
 */

/** The room does not exist, or no longer: it ended (rule Y4). */
export const CLOSE_ROOM_NOT_FOUND = 4404;
/** The room was just erased (rule Y10). */
export const CLOSE_ROOM_ERASED = 4410;
/** Too many messages on one connection (limit L2, RFC 6455 "policy violation"). */
export const CLOSE_POLICY_VIOLATION = 1008;
/** An update over the document's size or a field's length limit (L3, L4; RFC 6455 "too big"). */
export const CLOSE_TOO_BIG = 1009;
