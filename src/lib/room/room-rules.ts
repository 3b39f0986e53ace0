import type { ControlCommand, ControlState } from '../protocol/control';
import { assertNever } from '../assert-never';
import { applyControlCommand, isPhaseCommand, type ControlResult } from './control';
import {
	commandRefusal,
	invalid,
	isHost,
	notAllowed,
	type Actor,
	type RulesCommand,
	watchingOnTurns
} from './command-rights';
import type { PlacesPlan } from './async-takers';
import { pauseTimer, startTimer } from './timer';
import { takeTurns, type TurnPlan } from './turns';

const without = (ids: string[], id: string) => ids.filter((other) => other !== id);
const withId = (ids: string[], id: string) => (ids.includes(id) ? ids : [...ids, id]);

/** Everyone present is in `marked` (ready, or agreeing to erase), and someone is present. */
export function everyonePresentIn(marked: readonly string[], present: readonly string[]): boolean {
	return present.length > 0 && present.every((id) => marked.includes(id));
}

/** In a room without a host, everyone present has agreed to erase it (protocol S18). */
export function everyoneAgreesToErase(
	state: Pick<ControlState, 'host' | 'eraseVotes'>,
	present: readonly string[]
): boolean {
	return state.host === null && everyonePresentIn(state.eraseVotes, present);
}

/**
 * Whether the room is to be erased now that `command` was applied and gave `state`: the host
 * asked for it, or everyone present has agreed. The erasing itself is the server's work.
 */
export function erasesRoom(
	command: ControlCommand,
	state: ControlState,
	present: readonly string[]
): boolean {
	return command.type === 'room.erase' || everyoneAgreesToErase(state, present);
}

/**
 * Those of `present` whose readiness counts: everyone, except on turns someone watching who stands
 * in for nobody (A35), so that a phone left open neither blocks nor moves the pair.
 */
export const readinessCounts = (
	state: ControlState,
	plan: PlacesPlan,
	present: readonly string[]
): string[] => present.filter((id) => !watchingOnTurns(state, plan, id, present));

/** Moves the room on when everyone present is ready and there is a next step, unless paused. */
function moveOnIfReady(
	state: ControlState,
	plan: TurnPlan,
	present: readonly string[],
	now: number
) {
	if (state.pause || !everyonePresentIn(state.ready, readinessCounts(state, plan, present))) {
		return state;
	}
	const next = applyControlCommand(state, { type: 'step.goto', target: state.step + 1 }, plan, now);
	return next.ok ? next.state : state;
}

/** Commands by which a person moves the room to another step (being ready is not one). */
const isMove = (command: ControlCommand) =>
	command.type === 'step.goto' || command.type === 'round.more';

/**
 * Applies a command from `actor` at server time `now`, after checking their right to send it,
 * names them as the mover when it moved the room to another step (`movedBy`),
 * and brings the record of turns up to date (`takeTurns`).
 * Like the phase commands, these are idempotent: raising a raised hand, or pausing a paused room,
 * succeeds and changes nothing.
 */
export function applyRoomCommand(
	state: ControlState,
	command: RulesCommand,
	plan: TurnPlan,
	actor: Actor,
	now: number
): ControlResult {
	const result = decideCommand(state, command, plan, actor, now);
	if (!result.ok) return result;
	const moved = result.state.step !== state.step && isMove(command);
	const named = moved ? { ...result.state, movedBy: actor.participantId } : result.state;
	// A new step may start a round, and a removal may take its speaker away.
	return { ok: true, state: takeTurns(named, plan, actor.present) };
}

function decideCommand(
	state: ControlState,
	command: RulesCommand,
	plan: TurnPlan,
	actor: Actor,
	now: number
): ControlResult {
	const refused = commandRefusal(state, command, actor, plan);
	if (refused) return refused;
	if (isPhaseCommand(command)) return applyControlCommand(state, command, plan, now);
	const me = actor.participantId;
	const ok = (next: ControlState): ControlResult => ({ ok: true, state: next });
	switch (command.type) {
		case 'ready.set': {
			// Ready for a step the room has left: nothing to do.
			if (command.step !== state.step) return ok(state);
			const ready = command.ready ? withId(state.ready, me) : without(state.ready, me);
			return ok(moveOnIfReady({ ...state, ready }, plan, actor.present, now));
		}
		case 'hand.raise':
			return ok({ ...state, hands: withId(state.hands, me) });
		case 'hand.lower':
			if (command.participantId !== me && !isHost(state, me)) {
				return notAllowed('Only the host can lower someone else’s hand.', 'host_lowers_hands');
			}
			return ok({ ...state, hands: without(state.hands, command.participantId) });
		case 'agreements.confirm':
			return ok({ ...state, agreed: withId(state.agreed, me) });
		case 'room.pause':
			if (state.pause) return ok(state);
			return ok({
				...state,
				pause: { at: now, timerWasRunning: state.timer.status === 'running' },
				timer: pauseTimer(state.timer, now)
			});
		case 'room.resume':
			if (!state.pause) return ok(state);
			return ok({
				...state,
				pause: null,
				timer: state.pause.timerWasRunning ? startTimer(state.timer, now) : state.timer
			});
		case 'host.lock-control':
			return ok({ ...state, host: state.host && { ...state.host, controlLocked: command.locked } });
		case 'host.lock-room':
			if (command.locked === state.roomLocked) return ok(state);
			return ok({
				...state,
				roomLocked: command.locked,
				// Who is here now may stay; someone who left before, under any identity, may not.
				lockedWith: command.locked
					? withId(
							actor.present.filter((id) => !state.removed.includes(id)),
							me
						)
					: []
			});
		case 'host.hand-over':
			if (command.participantId === me) return ok(state);
			if (!actor.present.includes(command.participantId)) {
				return invalid(
					'The host role can only go to someone who is in the room.',
					'host_to_present'
				);
			}
			return ok({
				...state,
				host: state.host && { ...state.host, participantId: command.participantId }
			});
		case 'host.remove':
			if (command.participantId === me)
				return invalid('The host cannot remove themselves.', 'host_keeps_place');
			return ok(removePerson(state, command.participantId));
		case 'call.set':
			if (command.url === (state.call?.url ?? null)) return ok(state);
			return ok({ ...state, call: command.url === null ? null : { url: command.url, setBy: me } });
		case 'room.erase':
			// Allowed (the host's right was checked): the server erases the room (`erasesRoom`).
			return ok(state);
		case 'erase.vote':
			if (state.host)
				return invalid('This room has a host: the host can end and erase it.', 'has_host');
			return ok({
				...state,
				eraseVotes: command.agree ? withId(state.eraseVotes, me) : without(state.eraseVotes, me)
			});
		default:
			return assertNever(command);
	}
}

function removePerson(state: ControlState, participantId: string): ControlState {
	return {
		...state,
		removed: withId(state.removed, participantId),
		ready: without(state.ready, participantId),
		hands: without(state.hands, participantId)
	};
}

/**
 * The holder of the host key joined: they hold the host role, unless someone else holds it now
 * (handed over while they were away). A host coming back after the role lapsed starts with
 * nothing locked, since the room went on without them. Agreements to erase made without a host
 * are void: with a host, erasing is the host's decision, and old agreements must not erase the
 * room the moment the role lapses again.
 */
export function claimHost(state: ControlState, participantId: string): ControlState {
	if (state.host) return state;
	return { ...state, host: { participantId, controlLocked: false }, eraseVotes: [] };
}

/**
 * What follows from who is present: a host away longer than the grace gives control back to
 * everyone; raised hands, ready marks and agreements to erase of people who left are dropped;
 * and if everyone left was ready, the room moves on; the turns follow who is present (`takeTurns`).
 * Answers `state` itself when nothing changes.
 * If everyone left has agreed to erase the room, `everyoneAgreesToErase` now holds.
 */
export function settleRoom(
	state: ControlState,
	plan: TurnPlan,
	present: readonly string[],
	now: number
): ControlState {
	const here = (id: string) => present.includes(id);
	const host = state.host && !here(state.host.participantId) ? null : state.host;
	// With the host gone nobody could unlock the room: it opens again as the role lapses.
	const roomLocked = host === state.host ? state.roomLocked : false;
	const lockedWith = roomLocked ? state.lockedWith : [];
	const hands = state.hands.filter(here);
	const ready = state.ready.filter(here);
	const eraseVotes = state.eraseVotes.filter(here);
	const unchanged =
		host === state.host &&
		hands.length === state.hands.length &&
		ready.length === state.ready.length &&
		eraseVotes.length === state.eraseVotes.length;
	// Someone leaving can leave only ready people behind; an empty room waits for people.
	const settled = unchanged
		? state
		: { ...state, host, roomLocked, lockedWith, hands, ready, eraseVotes };
	return takeTurns(moveOnIfReady(settled, plan, present, now), plan, present);
}
