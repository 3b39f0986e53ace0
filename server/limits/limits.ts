import type { BucketRate } from './token-bucket';

/**
 * The abuse limits (docs/protocol.md, "Limits"): each value, and the plain words a person is
 * told when they reach it. The text lengths per field are beside the field names, in
 * src/lib/protocol/room-content.ts.
 */

/** Close codes (RFC 6455) of a document connection that broke a limit, shared with the browser. */
export { CLOSE_POLICY_VIOLATION, CLOSE_TOO_BIG } from '../../src/lib/protocol/doc-close';
import { LIMIT_CLOSE_REASONS } from '../../src/lib/protocol/doc-close';

/**
 * Messages per Yjs connection (L2). Typing sends 5–10 updates a second and awareness about 2,
 * so honest clients stay far below; a reconnect's sync is a handful of frames.
 */
export const YJS_MESSAGE_RATE: BucketRate = { capacity: 200, perSecond: 60 };
/**
 * A Yjs frame counts as one message per started 64 KiB, so the rate also bounds the bytes a
 * connection can make the server decode (about 4 MiB a second).
 */
export const YJS_BYTES_PER_MESSAGE = 64 * 1024;
/** Events per socket.io connection (L2): commands, joins, clock pings. */
export const SOCKET_MESSAGE_RATE: BucketRate = { capacity: 40, perSecond: 20 };
/**
 * Refused events a socket.io connection may collect (L2): five at once, then one every two
 * seconds; one more disconnects it.
 */
export const SOCKET_REFUSAL_RATE: BucketRate = { capacity: 5, perSecond: 0.5 };

/**
 * The largest room document (L3), as an estimate of its encoded size. A long session with
 * every tool in use stays under 1 MiB.
 */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/**
 * Deletion ranges a room document may keep waiting (L7): ranges naming clocks the room does not
 * have yet. Yjs re-reads and re-merges all of them on every later update, so they must stay few;
 * an honest client's update names only what the room has, but for a moment around a reconnect.
 */
export const MAX_WAITING_DELETIONS = 256;
/**
 * Bytes of structs a room document may keep waiting for missing ones (L7), counting the whole of
 * an update that would add to them. Yjs merges them again whenever more arrive.
 */
export const MAX_WAITING_STRUCT_BYTES = 64 * 1024;

/** Bytes of one awareness state, as JSON (L8): a name, a colour and a cursor take a few hundred. */
export const MAX_AWARENESS_STATE_BYTES = 4 * 1024;
/**
 * Bytes of all awareness states of a room on one instance (L8): what a newcomer receives first.
 * Past it, awareness that would add to it is not applied; the document is not affected.
 */
export const MAX_ROOM_AWARENESS_BYTES = 256 * 1024;

/**
 * Rooms started per client address per hour (L5), unless ROOMS_PER_ADDRESS_PER_HOUR says
 * otherwise: enough for a workshop of a hundred people in pairs behind one office address.
 */
export const DEFAULT_ROOMS_PER_ADDRESS_PER_HOUR = 60;
/**
 * Voice clips uploaded per client address per hour (LB1), unless CLIP_UPLOADS_PER_ADDRESS_PER_HOUR
 * says otherwise: a room holds 40 MiB of clips, and rooms are cheap to start, so without it one
 * address could fill 60 rooms' worth (2.4 GiB, in Redis's memory with `REDIS_URL`) in an hour.
 */
export const DEFAULT_CLIP_UPLOADS_PER_ADDRESS_PER_HOUR = 60;
/**
 * Addresses remembered at once by each hourly limit in memory (the embedded deployment); the least
 * recent is forgotten first. In Redis each address's bucket expires once it would be full again.
 */
export const MAX_LIMITED_ADDRESSES = 10_000;

/** Close reasons (shared with the browser) and messages, in words a person can read. */
export const LIMIT_WORDS = {
	...LIMIT_CLOSE_REASONS,
	slowDown: 'Slow down: too many actions at once. Try again in a moment.',
	disconnected: 'Disconnected after too many actions at once. Reload the page to continue.',
	tooManyRooms: 'Too many rooms were started from your network in the last hour. Try again later.'
} as const;
