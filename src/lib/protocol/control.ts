import * as z from 'zod/mini';
import { callStateSchema, pastedCallLinkSchema } from './call-link';
import { participantIdSchema, roleIdSchema } from './ids';
import { HOUR_MS } from '../time-units';
import { displayNameSchema } from './presence';

// zod/mini, like ids.ts: the room page parses with these, and zod's classic API stays off it
// (src/lib/protocol/zod-mini.test.ts).

/** Rounds a session may run, the playbook's plus any added in the room. */
export const MAX_ROUNDS = 12;
/** People a room holds at once, projectors not counted. */
export const MAX_PARTICIPANTS = 12;

/**
 * The phase timer, stored as anchors in server time (ms since the epoch), never as ticks:
 * every screen computes the remaining time itself from these values and its clock offset.
 */
export const timerStateSchema = z.discriminatedUnion('status', [
	/** Not started in this phase: shows the whole duration. */
	z.object({ status: z.literal('idle'), durationMs: z.number().check(z.int(), z.nonnegative()) }),
	/** Counting down: remaining = startedAt + durationMs - now. */
	z.object({
		status: z.literal('running'),
		durationMs: z.number().check(z.int(), z.nonnegative()),
		startedAt: z.number().check(z.int(), z.nonnegative())
	}),
	z.object({
		status: z.literal('paused'),
		durationMs: z.number().check(z.int(), z.nonnegative()),
		remainingMs: z.number().check(z.int(), z.nonnegative())
	})
]);
export type TimerState = z.infer<typeof timerStateSchema>;

/** A felt-understanding rating from 1 (not at all) to 5 (completely). */
export const ratingValueSchema = z.number().check(z.int(), z.minimum(1), z.maximum(5));

export const historyEntrySchema = z.object({
	phaseIndex: z.number().check(z.int(), z.nonnegative()),
	round: z.number().check(z.int(), z.minimum(1)),
	at: z.number().check(z.int(), z.nonnegative())
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * One rating phase's state in one round. Values stay sealed on the server until everyone present has
 * submitted; then all are revealed together, and later ones join them as they come.
 */
export const ratingRoundSchema = z.object({
	/** Participant ids, in the order they submitted. */
	submitted: z.array(participantIdSchema),
	revealed: z.optional(z.record(participantIdSchema, ratingValueSchema))
});
export type RatingRound = z.infer<typeof ratingRoundSchema>;

/**
 * Who spoke in a round of a rotating playbook, recorded by the server when the round starts (and
 * again if that speaker leaves during it), so later rounds follow who actually spoke and a round
 * that is over keeps its speaker whoever comes or goes afterwards.
 */
export const turnSchema = z.object({
	round: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ROUNDS)),
	participantId: participantIdSchema
});
export type Turn = z.infer<typeof turnSchema>;

/** Who took part, as the summary names them: recorded by the server when someone joins. */
export const personSchema = z.object({ name: displayNameSchema, roleId: roleIdSchema });
export type Person = z.infer<typeof personSchema>;

/** The optional host: the person holding the room's host key. */
export const hostStateSchema = z.object({
	participantId: participantIdSchema,
	/** Phase and timer control is the host's alone. */
	controlLocked: z.boolean()
});
export type HostState = z.infer<typeof hostStateSchema>;

/** "Pause for everyone": since when, and whether the timer ran, to resume it as it was. */
export const roomPauseSchema = z.object({
	at: z.number().check(z.int(), z.nonnegative()),
	timerWasRunning: z.boolean()
});

const serverMs = z.number().check(z.int(), z.nonnegative());

/** The shortest and longest window a phase may have when the room runs across time zones. */
export const MIN_TURN_WINDOW_MS = HOUR_MS;
export const MAX_TURN_WINDOW_MS = 7 * 24 * HOUR_MS;
/** A phase's window for its turns, in ms: whole minutes from an hour to a week. */
export const turnWindowSchema = z
	.number()
	.check(
		z.int(),
		z.multipleOf(60_000),
		z.minimum(MIN_TURN_WINDOW_MS),
		z.maximum(MAX_TURN_WINDOW_MS)
	);
/** Windows by phase id; a phase that runs as turns and is not named gets the default (24 h). */
export const turnWindowsSchema = z
	.record(z.string().check(z.maxLength(60)), turnWindowSchema)
	.check(z.refine((windows) => Object.keys(windows).length <= 40, 'too many phases'));
export type TurnWindows = z.infer<typeof turnWindowsSchema>;

/** Who did not take their turn in a phase before its deadline (the soft end, protocol A6). */
export const missedTurnSchema = z.object({
	phaseIndex: z.number().check(z.int(), z.nonnegative()),
	round: z.number().check(z.int(), z.minimum(1)),
	personIds: z.array(participantIdSchema)
});
export type MissedTurn = z.infer<typeof missedTurnSchema>;

/**
 * A room run across time zones: its phases as turns with deadlines in server time
 * (`src/lib/room/async-schedule.ts`, protocol A1–A10).
 */
export const asyncStateSchema = z.object({
	/** `live` while the people are together and play it as a live room (A8). */
	mode: z.enum(['async', 'live']),
	windowsMs: turnWindowsSchema,
	/** When the current step's turns opened. */
	openedAt: serverMs,
	/** When the room moves on by itself; null once the last step's turns are over. */
	deadlineAt: z.nullable(serverMs),
	/** The current step's one extension was used (A7). */
	extended: z.boolean(),
	/** The current step's "deadline near" went out (A9). */
	warned: z.boolean(),
	/** Who took their turn in the current step. */
	taken: z.array(participantIdSchema),
	/**
	 * How long the room stood paused for everyone since the current step's turns opened (A29):
	 * the deadline moved on by as much, and the reminder counts the window without it.
	 */
	pausedMs: z._default(serverMs, 0),
	missed: z.array(missedTurnSchema).check(z.maxLength(200)),
	/** Rounds whose speaker asked the listener for a second take of the paraphrase (A18). */
	secondTakes: z._default(
		z
			.array(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ROUNDS)))
			.check(z.maxLength(MAX_ROUNDS)),
		[]
	)
});
export type AsyncState = z.infer<typeof asyncStateSchema>;

/** The room's control map: written by the server only (see docs/document-schema.md). */
export const controlStateSchema = z.object({
	/** Index into the session's steps: the playbook's phases, repeating ones once per round. */
	step: z.number().check(z.int(), z.nonnegative()),
	/**
	 * Who moved the room to its step, so other screens can say so and hold their moves a moment;
	 * null when it moved on by itself (everyone ready) or has not moved yet.
	 */
	movedBy: z._default(z.nullable(participantIdSchema), null),
	timer: timerStateSchema,
	/** Rounds to play when people chose more than the playbook's; absent means the playbook's. */
	rounds: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ROUNDS))),
	/**
	 * When each phase (in its round) was entered, in server time: the summary's time per phase.
	 * Phase and round rather than step index, because adding a round moves later steps.
	 */
	history: z._default(z.array(historyEntrySchema), []),
	people: z._default(z.record(participantIdSchema, personSchema), {}),
	/** Each started round's speaker, at most one per round (see `src/lib/room/turns.ts`). */
	speakers: z._default(z.array(turnSchema).check(z.maxLength(MAX_ROUNDS)), []),
	/** Rating phases by `ratingKey(phaseId, round)` (`src/lib/protocol/room-content.ts`). */
	ratings: z._default(z.record(z.string(), ratingRoundSchema), {}),
	/** None until the key holder joins; gone again when they are away longer than a grace. */
	host: z._default(z.nullable(hostStateSchema), null),
	/** Nobody new may join: only the people in `lockedWith` may come back. */
	roomLocked: z._default(z.boolean(), false),
	/**
	 * Who was in the room (present, or away for less than the leave grace) when the host locked
	 * it: while it stays locked, only they may join again or connect their documents. Empty when
	 * unlocked, and in rooms locked before the list existed (then everyone who ever joined).
	 */
	lockedWith: z._default(z.array(participantIdSchema), []),
	/** People the host removed: they cannot join again under the same id. */
	removed: z._default(z.array(participantIdSchema), []),
	/** Who is ready to move on from the current step; emptied when the step changes. */
	ready: z._default(z.array(participantIdSchema), []),
	/** Raised hands, first raised first. */
	hands: z._default(z.array(participantIdSchema), []),
	/** Who has confirmed the playbook's safety agreements. */
	agreed: z._default(z.array(participantIdSchema), []),
	pause: z._default(z.nullable(roomPauseSchema), null),
	/** In a room without a host: who agreed to erase it; everyone present agreeing erases it. */
	eraseVotes: z._default(z.array(participantIdSchema), []),
	/**
	 * The meeting link people talk over, or none (`src/lib/protocol/call-link.ts`). One that does
	 * not hold reads as none, so a bad link never costs a screen the rest of the room.
	 */
	call: z.catch(z.nullable(callStateSchema), null),
	/** The turn schedule of a room run across time zones; null in a live room. */
	async: z._default(z.nullable(asyncStateSchema), null)
});
export type ControlState = z.infer<typeof controlStateSchema>;

/** Name of the root Y.Map that holds {@link ControlState}; only the server writes it. */
export const CONTROL_MAP = 'control';
/** Name of the root Y.Text that holds the shared paraphrase notes. */
export const NOTES_TEXT = 'notes';

/**
 * A request to change the control state. Step changes name an absolute target computed from
 * what the sender saw, so two people pressing Next at once move one step, not two. Who may send
 * which command: `commandRight` in `src/lib/room/command-rights.ts`.
 */
export const controlCommandSchema = z.discriminatedUnion('type', [
	/**
	 * Go to step `target`. `from`, the step the sender saw when pressing (optional: older tabs
	 * omit it), makes a press that arrives after the room left that step a refusal rather than a
	 * move, so a late Next cannot take the room back or skip ahead (protocol S5, S21).
	 */
	z.object({
		type: z.literal('step.goto'),
		target: z.number().check(z.int(), z.nonnegative()),
		from: z.optional(z.number().check(z.int(), z.nonnegative()))
	}),
	z.object({ type: z.literal('timer.start') }),
	z.object({ type: z.literal('timer.pause') }),
	z.object({ type: z.literal('timer.resume') }),
	z.object({ type: z.literal('timer.reset') }),
	z.object({ type: z.literal('timer.add-minute') }),
	/**
	 * Play one more round, from the last step of the last round (`step`, as the sender saw it):
	 * `rounds` is the new total, so two people asking at once add one round. The room moves into
	 * the new round.
	 */
	z.object({
		type: z.literal('round.more'),
		rounds: z.number().check(z.int(), z.minimum(2), z.maximum(MAX_ROUNDS)),
		step: z.number().check(z.int(), z.nonnegative())
	}),
	/** Ready (or no longer ready) to move on from `step`; all present ready moves the room on. */
	z.object({
		type: z.literal('ready.set'),
		step: z.number().check(z.int(), z.nonnegative()),
		ready: z.boolean()
	}),
	z.object({ type: z.literal('hand.raise') }),
	/** Lowers the sender's own hand, or, for the host, anyone's. */
	z.object({ type: z.literal('hand.lower'), participantId: participantIdSchema }),
	z.object({ type: z.literal('agreements.confirm') }),
	/** Anyone may pause the room for everyone, at any time, and anyone may resume it. */
	z.object({ type: z.literal('room.pause') }),
	z.object({ type: z.literal('room.resume') }),
	z.object({ type: z.literal('host.lock-control'), locked: z.boolean() }),
	z.object({ type: z.literal('host.lock-room'), locked: z.boolean() }),
	z.object({ type: z.literal('host.hand-over'), participantId: participantIdSchema }),
	z.object({ type: z.literal('host.remove'), participantId: participantIdSchema }),
	/**
	 * Shares the room's call link (Zoom, Meet, Teams…) with every screen, or removes it (`null`).
	 * The server normalizes the pasted link and refuses one that is not https (`call-link.ts`).
	 */
	z.object({ type: z.literal('call.set'), url: z.nullable(pastedCallLinkSchema) }),
	/** The host ends the room and erases everything of it from the server, at once. */
	z.object({ type: z.literal('room.erase') }),
	/** Runs the room across time zones from now, with these windows (protocol A1). */
	z.object({ type: z.literal('async.start'), windowsMs: turnWindowsSchema }),
	/** The sender took their turn in `step`, the step they saw (A4). */
	z.object({ type: z.literal('async.turn'), step: z.number().check(z.int(), z.nonnegative()) }),
	/** One more window for `step`, once, before its deadline (A7). */
	z.object({ type: z.literal('async.extend'), step: z.number().check(z.int(), z.nonnegative()) }),
	/**
	 * The speaker asks the listener for a second take of the paraphrase, from the rating step
	 * `step` they saw, once per round (A18).
	 */
	z.object({
		type: z.literal('async.second-take'),
		step: z.number().check(z.int(), z.nonnegative())
	}),
	/** "We're both here": play on as a live room (A8). */
	z.object({ type: z.literal('async.live') }),
	/** Back to turns, the current step's window opening again from now (A8). */
	z.object({ type: z.literal('async.resume') }),
	/** Without a host: agree (or no longer agree) to erase the room; everyone present must. */
	z.object({ type: z.literal('erase.vote'), agree: z.boolean() })
]);
export type ControlCommand = z.infer<typeof controlCommandSchema>;
