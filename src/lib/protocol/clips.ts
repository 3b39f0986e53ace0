import * as z from 'zod/mini';
import { participantIdSchema, type MemberTicket } from './ids';

// zod/mini, like ids.ts: the room page parses clip references with these.

/**
 * Voice clips (docs/protocol.md, B1–B8): a recorded story or feedback message, stored with the
 * room and streamed to its members. The limits are the server's; the recorder stops itself at
 * {@link MAX_CLIP_MS}, so a clip that reaches the server over them was not made by this app.
 */

/** The longest clip, in ms (B3): three minutes. */
export const MAX_CLIP_MS = 3 * 60 * 1000;
/**
 * What the recorder may run over {@link MAX_CLIP_MS} while it stops (B3): it stops itself at the
 * limit, and the last block ends a little after. The server keeps such a clip, so a reference to
 * it must parse too.
 */
export const CLIP_GRACE_MS = 2_000;
/** The largest clip, in bytes (B3): three minutes of Opus at 64 kbit/s fit with room to spare. */
export const MAX_CLIP_BYTES = 2 * 1024 * 1024;
/** What the recorder asks for: well under {@link MAX_CLIP_BYTES} for {@link MAX_CLIP_MS}. */
export const CLIP_BITS_PER_SECOND = 64_000;
/** All the clips of one room together, in bytes (B4): 20 full-size clips. */
export const MAX_ROOM_CLIP_BYTES = 20 * MAX_CLIP_BYTES;

/** The containers a clip may come in, both with Opus inside (B3). */
export const CLIP_MEDIA_TYPES = ['audio/webm', 'audio/ogg'] as const;
export type ClipMediaType = (typeof CLIP_MEDIA_TYPES)[number];

/** A clip id: 128 random bits in base64url, made by the server. */
export const clipIdSchema = z
	.string()
	.check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'must be a clip id of 22 URL-safe characters'));

/**
 * Why the server refused a clip request, in the answer's `code`; the browser words each one
 * (`src/lib/client/clip-words.ts`).
 */
export const CLIP_PROBLEM_CODES = [
	/** Over {@link MAX_CLIP_BYTES} (413). */
	'clip_too_large',
	/** Over {@link MAX_CLIP_MS} (413). */
	'clip_too_long',
	/** Not Opus in WebM or Ogg (415). */
	'clip_not_opus',
	/** The room holds {@link MAX_ROOM_CLIP_BYTES} already (507). */
	'room_clips_full',
	/** Too many uploads from the client's address this hour (429, with Retry-After; LB1). */
	'clip_uploads_limited',
	/** Sent without a participant's ticket, or from a projector (403). */
	'clip_needs_ticket',
	/** The room does not admit this ticket now: removed, or locked out (403). */
	'clip_not_allowed',
	/** No such room or clip (404). */
	'clip_not_found'
] as const;
export type ClipProblemCode = (typeof CLIP_PROBLEM_CODES)[number];

/** The answer to an upload (B1). */
export const clipUploadReplySchema = z.object({
	clipId: clipIdSchema,
	/** The clip's path on this server, without credentials. */
	path: z.string(),
	type: z.enum(CLIP_MEDIA_TYPES),
	bytes: z.number().check(z.int(), z.nonnegative()),
	durationMs: z.number().check(z.int(), z.nonnegative())
});
export type ClipUploadReply = z.infer<typeof clipUploadReplySchema>;

/** The body of a refused clip request. */
export const clipProblemSchema = z.object({
	error: z.string(),
	code: z.optional(z.enum(CLIP_PROBLEM_CODES))
});

/** A clip's path on the server (B1, B2). */
export const clipsPath = (roomId: string): string => `/api/rooms/${roomId}/clips`;
export const clipPath = (roomId: string, clipId: string): string =>
	`${clipsPath(roomId)}/${clipId}`;

/** The credentials as a clip request's query (B1): every clip request carries them there. */
export const credentialsQuery = ({ participantId, ticket }: MemberTicket): string =>
	`?${new URLSearchParams({ participant: participantId, ticket })}`;

/** A clip's URL with the credentials in its query, as an `<audio>` element can carry no header. */
export const clipUrl = (roomId: string, clipId: string, credentials: MemberTicket): string =>
	`${clipPath(roomId, clipId)}${credentialsQuery(credentials)}`;

/**
 * What a clip in a slot of {@link CLIPS_MAP} stands in for: the speaker's story (Active
 * Listening Sprint), the feedback giver's message and what the receiver heard of it (Feedback
 * That Lands, A20). A line said in the role-play has no slot: its reference is the script line's
 * own (A24).
 */
export const CLIP_PURPOSES = ['story', 'feedback', 'heard'] as const;
export type ClipPurpose = (typeof CLIP_PURPOSES)[number];

/** The root Y.Map of clip references (docs/document-schema.md): slot key → {@link ClipRef}. */
export const CLIPS_MAP = 'clips';

/** A person's clip slot: one clip per purpose, round and person; a new take replaces the old. */
export const clipSlotKey = (purpose: ClipPurpose, round: number, participantId: string): string =>
	`${purpose}@round-${round}:${participantId}`;

/**
 * A reference to a clip in the room's content document (docs/document-schema.md, `clips`):
 * whose it is, the phase it was recorded in and how long it plays. The slot key says what for
 * and which round.
 */
export const clipRefSchema = z.object({
	clipId: clipIdSchema,
	participantId: participantIdSchema,
	/** The playbook phase it was recorded in. */
	phaseId: z.string().check(z.minLength(1), z.maxLength(80)),
	type: z.enum(CLIP_MEDIA_TYPES),
	durationMs: z.number().check(z.int(), z.nonnegative(), z.maximum(MAX_CLIP_MS + CLIP_GRACE_MS)),
	/** When it was sent, in server ms since the epoch. */
	at: z.number().check(z.int(), z.nonnegative(), z.maximum(8.64e15))
});
export type ClipRef = z.infer<typeof clipRefSchema>;
