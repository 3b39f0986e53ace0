import * as z from 'zod/mini';
import { participantIdSchema, roleIdSchema, roomIdSchema, secretSchema } from './ids';
import { displayNameSchema, type Participant } from './presence';
import { ratingValueSchema, type ControlCommand } from './control';

// zod/mini, like ids.ts: the room page parses with these, and zod's classic API stays off it
// (src/lib/protocol/zod-mini.test.ts).

export const joinRequestSchema = z.object({
	protocolVersion: z.number().check(z.int()),
	roomId: roomIdSchema,
	participantId: participantIdSchema,
	name: displayNameSchema,
	roleId: roleIdSchema,
	/**
	 * The participant's own secret, made by their browser: participant ids are public (the
	 * roster shows them), so only the first key joined with an id may join with it again.
	 */
	participantKey: secretSchema,
	/** The room's host key, kept by the browser of whoever made the room or was handed it. */
	hostKey: z.optional(secretSchema)
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** Follow a room's roster before joining it, to see who is there and which roles are taken. */
export const watchRequestSchema = z.object({
	roomId: roomIdSchema,
	/** A projector's token: a read-only view that counts as no participant. */
	projectorToken: z.optional(secretSchema)
});
export type WatchRequest = z.infer<typeof watchRequestSchema>;

/**
 * A felt-understanding rating for the rating step the sender saw; the server keeps it sealed
 * until everyone present has rated (docs/protocol.md).
 */
export const ratingRequestSchema = z.object({
	step: z.number().check(z.int(), z.nonnegative()),
	value: ratingValueSchema
});
export type RatingRequest = z.infer<typeof ratingRequestSchema>;

/** Sent when the tab is hidden or shown again. */
export const visibilityRequestSchema = z.object({ visible: z.boolean() });
export type VisibilityRequest = z.infer<typeof visibilityRequestSchema>;

export const errorCodeSchema = z.enum([
	'invalid_payload',
	'protocol_mismatch',
	'room_not_found',
	'unknown_role',
	'not_joined',
	'invalid_command',
	'not_allowed',
	'room_full',
	'room_locked',
	'removed',
	'rate_limited',
	// Storage did not answer in time: nothing was decided, try again (protocol S24).
	'unavailable',
	// Another decision on the room held it too long: nothing was decided, try again (S25).
	'busy',
	'internal'
]);

/**
 * Which refusal of its code an error is, when a code has several: the browser words the refusal
 * in its person's language from the code, this reason and the numbers beside it (protocol S26).
 */
export const refusalReasonSchema = z.enum([
	'agreements',
	'controls_locked',
	'host_only',
	'host_lowers_hands',
	'removed',
	'projector_link',
	// A projector link whose token a removal replaced (S20), told apart from one never valid.
	'projector_replaced',
	'identity_taken',
	'paused',
	'host_to_present',
	'host_not_connected',
	'host_keeps_place',
	'has_host',
	'no_such_step',
	'moved_on',
	'next_round',
	'round_at_end',
	'ratings_shown',
	'no_rating',
	'closed_while_joining',
	'rating_not_saved',
	'erase_failed',
	'disconnected',
	'async_unsupported',
	'not_async',
	'not_your_turn',
	'extended_once',
	'live_needs_two',
	// Someone watching a room on turns uses none of its shared controls (A35).
	'watching',
	'no_second_take',
	'rate_first',
	'second_take_once'
]);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

export const refusalParamsSchema = z.object({
	reason: z.optional(refusalReasonSchema),
	/** A step or round the sender asked for, counted from 1. */
	asked: z.optional(z.number().check(z.int())),
	/** How many there are: steps in the session, rounds, people a room holds. */
	count: z.optional(z.number().check(z.int())),
	role: z.optional(z.string().check(z.maxLength(200)))
});
export type RefusalParams = z.infer<typeof refusalParamsSchema>;

/**
 * A refusal: `message` is English words for stock clients and logs; the browser words `code`
 * and `params` itself, in its person's language.
 */
export const protocolErrorSchema = z.object({
	code: errorCodeSchema,
	message: z.string(),
	params: z.optional(refusalParamsSchema)
});
export type ProtocolError = z.infer<typeof protocolErrorSchema>;

export const hostKeyGrantSchema = z.object({ roomId: roomIdSchema, hostKey: secretSchema });
export type HostKeyGrant = z.infer<typeof hostKeyGrantSchema>;

/** The room's new projector token, after the old one was replaced (protocol S20). */
export const projectorGrantSchema = z.object({
	roomId: roomIdSchema,
	projectorToken: secretSchema
});
export type ProjectorGrant = z.infer<typeof projectorGrantSchema>;

/** Whether the room is locked to new people now (protocol S22). */
export const lockNewsSchema = z.object({ roomId: roomIdSchema, locked: z.boolean() });
export type LockNews = z.infer<typeof lockNewsSchema>;

/** Every acknowledgement is either a success with its data or a typed error. */
export type Reply<T extends object = Record<never, never>> =
	({ ok: true } & T) | { ok: false; error: ProtocolError };

/** The roster, and the version it was read at (protocol S27). */
export type RosterReply = Reply<{ roster: Participant[]; rosterVersion: number }>;
/**
 * A join's answer: the roster and its version, the projector token (any participant may put the room on a
 * screen), and the ticket that ties this person's document connection to them
 * (`/yjs/<roomId>?participant=<id>&ticket=<ticket>`, protocol Y9).
 */
export type JoinReply = Reply<{
	roster: Participant[];
	rosterVersion: number;
	projectorToken: string;
	docTicket: string;
}>;
export type ClockReply = { serverTime: number };

/**
 * Events the browser sends. Payloads are typed for the sender's convenience, but the server
 * treats them as `unknown` and parses each with the schema of the same name (docs/protocol.md).
 */
export interface ClientToServerEvents {
	'room:watch': (request: WatchRequest, ack: (reply: RosterReply) => void) => void;
	'room:join': (request: JoinRequest, ack: (reply: JoinReply) => void) => void;
	'presence:visibility': (request: VisibilityRequest) => void;
	'control:command': (command: ControlCommand, ack: (reply: Reply) => void) => void;
	'rating:submit': (request: RatingRequest, ack: (reply: Reply) => void) => void;
	'clock:ping': (ack: (reply: ClockReply) => void) => void;
}

/** Events the server sends. */
export interface ServerToClientEvents {
	/** The roster and the version it was read at: of two, show the newer (protocol S27). */
	'presence:roster': (roster: Participant[], version: number) => void;
	'protocol:error': (error: ProtocolError) => void;
	/** The host role was handed to this person: their browser keeps the new key. */
	'host:key': (grant: HostKeyGrant) => void;
	/** The host removed this person from the room; the connection closes after it. */
	'room:removed': () => void;
	/**
	 * Someone was removed, so the projector link changed (protocol S20): the room's joined people
	 * receive the new token, and projectors with the old one are let go.
	 */
	'room:projector': (grant: ProjectorGrant) => void;
	/**
	 * The room was ended and erased (protocol S18): nothing of it is left on the server, and the
	 * browser forgets its own copy.
	 */
	'room:erased': () => void;
	/**
	 * The room was locked or unlocked (protocol S22): a page waiting before a locked room's door
	 * connects by itself when it opens.
	 */
	'room:lock': (news: LockNews) => void;
}
