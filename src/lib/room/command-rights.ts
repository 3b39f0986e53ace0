import type { ControlCommand, ControlState } from '../protocol/control';
import type { ProtocolError, RefusalReason } from '../protocol/socket-events';
import { assertNever } from '../assert-never';
import { standsIn, watches, type PlacesPlan } from './async-takers';
import { isPhaseCommand } from './control';

/**
 * Who may send a command. `control`: anyone, unless the host locked phase and timer control to
 * themselves; the call link goes with them, since whoever sets it decides where "Join the call"
 * leads everyone. `anyone`: every participant, always (the right to pause, or to agree to erase
 * the room, is never locked). `host`: the host only. `host-if-any`: the host, or anyone in a
 * room without one (extending a deadline, protocol A7).
 */
export type CommandRight = 'control' | 'anyone' | 'host' | 'host-if-any';

/** The commands of a room run across time zones (`src/lib/room/async-commands.ts`). */
export type AsyncCommand = Extract<ControlCommand, { type: `async.${string}` }>;
/** The commands these rules decide; the schedule's are decided beside them. */
export type RulesCommand = Exclude<ControlCommand, AsyncCommand>;

export const isAsyncCommand = (command: ControlCommand): command is AsyncCommand =>
	command.type.startsWith('async.');

export function commandRight(command: ControlCommand): CommandRight {
	switch (command.type) {
		case 'step.goto':
		case 'round.more':
		case 'timer.start':
		case 'timer.pause':
		case 'timer.resume':
		case 'timer.reset':
		case 'timer.add-minute':
		case 'call.set':
		case 'async.start':
		case 'async.live':
		case 'async.resume':
			return 'control';
		case 'ready.set':
		case 'hand.raise':
		case 'hand.lower':
		case 'agreements.confirm':
		case 'room.pause':
		case 'room.resume':
		case 'erase.vote':
		case 'async.turn':
		case 'async.second-take':
			return 'anyone';
		case 'host.lock-control':
		case 'host.lock-room':
		case 'host.hand-over':
		case 'host.remove':
		case 'room.erase':
			return 'host';
		case 'async.extend':
			return 'host-if-any';
		default:
			return assertNever(command);
	}
}

/**
 * Commands open to someone who has not confirmed the agreements: confirming, pausing, and ending
 * the room. Stopping or erasing never waits for anything.
 */
const BEFORE_AGREEING: ReadonlySet<ControlCommand['type']> = new Set([
	'agreements.confirm',
	'room.pause',
	'room.resume',
	'room.erase',
	'erase.vote'
]);

/** The person sending a command, and who counts as present in the room right now. */
export interface Actor {
	participantId: string;
	/** Participant ids of everyone present (here, or gone for less than the leave grace). */
	present: readonly string[];
}

/** A refusal with `code`, and the reason a client words for its person. */
const refusal =
	(code: 'not_allowed' | 'invalid_command') =>
	(message: string, reason: RefusalReason): { ok: false; error: ProtocolError } => ({
		ok: false,
		error: { code, message, params: { reason } }
	});
/** A refusal for lack of a right (`not_allowed`). */
export const notAllowed = refusal('not_allowed');
/** A refusal of a command the room's state does not allow now (`invalid_command`). */
export const invalid = refusal('invalid_command');

/** Whether `participantId` holds the host role. */
export const isHost = (state: ControlState, participantId: string) =>
	state.host?.participantId === participantId;

/**
 * Whether `participantId` watches a room counting turns (A33: they confirmed after its places were
 * taken, as a second device of someone holding one does), is not its host, and stands in for
 * nobody: while every place-holder is `present`, the shared controls (`control`, `host-if-any`)
 * and being ready are the place-holders' (A35). Played live, everyone takes part.
 */
export const watchingOnTurns = (
	state: ControlState,
	plan: PlacesPlan,
	participantId: string,
	present: readonly string[]
): boolean =>
	state.async?.mode === 'async' &&
	!isHost(state, participantId) &&
	watches(state, plan, participantId) &&
	!standsIn(state, plan, participantId, present);

/** Whether someone watching may not send `command` (A35): the shared controls, and being ready. */
const steersThePair = (command: ControlCommand) => {
	const right = commandRight(command);
	return right === 'control' || right === 'host-if-any' || command.type === 'ready.set';
};

/** Why `actor` may not send `command` in `state` of a room playing `plan`, or undefined when they may. */
export function commandRefusal(
	state: ControlState,
	command: ControlCommand,
	actor: Actor,
	plan: PlacesPlan
) {
	if (state.removed.includes(actor.participantId)) {
		return notAllowed('The host has removed you from this room.', 'removed');
	}
	if (!state.agreed.includes(actor.participantId) && !BEFORE_AGREEING.has(command.type)) {
		return notAllowed('Confirm the room’s agreements before taking part.', 'agreements');
	}
	// The turn schedule stands still while paused, as the phases do (protocol A30).
	if (state.pause && (isPhaseCommand(command) || isAsyncCommand(command))) {
		return invalid('The room is paused for everyone. Resume it first.', 'paused');
	}
	if (steersThePair(command) && watchingOnTurns(state, plan, actor.participantId, actor.present)) {
		return notAllowed(
			'You are watching: this room’s places are taken, so its controls are for those holding them. They come back to you while someone holding a place is away.',
			'watching'
		);
	}
	switch (commandRight(command)) {
		case 'control':
			return state.host?.controlLocked && !isHost(state, actor.participantId)
				? notAllowed('The host has locked the phase and timer controls.', 'controls_locked')
				: undefined;
		case 'host':
			return isHost(state, actor.participantId)
				? undefined
				: notAllowed('Only the host can do that.', 'host_only');
		case 'host-if-any':
			return state.host && !isHost(state, actor.participantId)
				? notAllowed('Only the host can do that.', 'host_only')
				: undefined;
		case 'anyone':
			return undefined;
	}
}
