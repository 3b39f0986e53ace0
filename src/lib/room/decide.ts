import type { ControlCommand, ControlState, Person } from '../protocol/control';
import type { Playbook } from '../protocol/playbook';
import { ratingKey } from '../protocol/room-content';
import type { ProtocolError, RefusalReason } from '../protocol/socket-events';
import { decideAsync } from './async-commands';
import { tick } from './async-clock';
import { followResume } from './async-pause';
import { turnEvents, type TurnEvent } from './async-events';
import { followPlaces } from './async-places';
import { followStep } from './async-schedule';
import { sessionPlan, startHistory } from './control';
import { revealIfDue, submitRating, type SealedRatings } from './ratings';
import { isAsyncCommand, type Actor } from './command-rights';
import {
	applyRoomCommand,
	claimHost,
	erasesRoom,
	everyoneAgreesToErase,
	settleRoom
} from './room-rules';
import { expectedRaters } from './raters';
import { planSteps } from './steps';

/** People the summary names at most; joins beyond it (a client inventing ids) are not recorded. */
export const MAX_PEOPLE = 100;

/**
 * Everything that decides on a room's control state: the commands people send, plus the
 * decisions the server takes for them (a rating, a join, what follows from who is present).
 */
export type RoomCommand =
	| ControlCommand
	| { type: 'rating.submit'; step: number; value: number }
	/** Someone joined under `person`; `holdsHostKey` when they showed the room's host key. */
	| { type: 'person.join'; person: Person; holdsHostKey: boolean }
	/** Applies who is present now (`Actor.present`): reveals, host fallback, ready, erase. */
	| { type: 'room.settle' }
	/** The server's clock looks at the turn schedule: a deadline passed or near (protocol A10). */
	| { type: 'async.tick' };

/**
 * What a decision asks the server to do besides writing the state, in order. What must hold
 * before anyone learns of the decision (a sealed rating, a removal's new projector token) is
 * stored before the state is written; the rest happens after it.
 */
export type Effect =
	/** Keep the actor's rating value sealed under `key` (until revealed). */
	| { type: 'seal-rating'; key: string; value: number }
	/** Give `participantId` a new host key; the old one stops working. */
	| { type: 'grant-host-key'; participantId: string }
	/** Tell everyone watching that the room's door opened or closed (S22). */
	| { type: 'announce-lock'; locked: boolean }
	/**
	 * Let `participantId` go (S20): the room's projector token is replaced first (they had the old
	 * one from their join); then they are told, disconnected and gone from presence, and the
	 * others receive the new token.
	 */
	| { type: 'remove'; participantId: string }
	/** End and erase the room (S18). */
	| { type: 'erase' }
	/** Tell the people taking turns (the server's `TurnEvents`, protocol A9). */
	| { type: 'turn-event'; event: TurnEvent };

/** What a decision needs besides the state: the playbook, the time, the sealed ratings. */
export interface DecisionContext {
	playbook: Playbook;
	/** Server time in ms. */
	now: number;
	/** The sealed ratings of one rating key, by participant id. */
	sealedRatings(key: string): SealedRatings;
}

export type Decision =
	{ ok: true; state: ControlState; effects: Effect[] } | { ok: false; error: ProtocolError };

const refused = (
	code: ProtocolError['code'],
	message: string,
	reason: RefusalReason
): Decision => ({
	ok: false,
	error: { code, message, params: { reason } }
});

/**
 * Decides `command` from `actor` on `state`: the next state (the same object when nothing
 * changes) and the effects to carry out, or the refusal. Pure: time and sealed values come in
 * through `ctx`.
 */
export function decide(
	state: ControlState,
	command: RoomCommand,
	actor: Actor,
	ctx: DecisionContext
): Decision {
	// Someone the host removed is never present, whatever presence says yet: with several
	// instances, their record on another one may read dropped until its leave grace ends (S2).
	const here = { ...actor, present: actor.present.filter((id) => !state.removed.includes(id)) };
	const decision = decideOnly(state, command, here, ctx);
	if (!decision.ok) return decision;
	// A room of turns follows every move of its step, whatever made it (protocol A2, A9), gets
	// back the time it stood paused (A29), and follows who holds a place: it moves on once it
	// waits for nobody (A33, A34).
	const followed = followStep(state, decision.state, ctx.playbook, ctx.now);
	const next = followPlaces(state, followResume(state, followed, ctx.now), ctx.playbook, ctx.now);
	const told = turnEvents(state, next, ctx.playbook).map((event): Effect => ({
		type: 'turn-event',
		event
	}));
	return { ok: true, state: next, effects: [...decision.effects, ...told] };
}

function decideOnly(
	state: ControlState,
	command: RoomCommand,
	actor: Actor,
	ctx: DecisionContext
): Decision {
	switch (command.type) {
		case 'async.tick':
			return { ok: true, state: tick(state, ctx.playbook, ctx.now), effects: [] };
		case 'room.pause':
			// A deadline that passed before the pause is the clock's to act on first (A6, A28): the
			// pause must not catch a window with nothing left and hold it until the resume.
			return controlCommand(tick(state, ctx.playbook, ctx.now), command, actor, ctx);
		case 'rating.submit':
			return rate(state, command.step, command.value, actor, ctx);
		case 'person.join':
			return { ok: true, state: join(state, command, actor, ctx), effects: [] };
		case 'room.settle':
			return settle(state, actor.present, ctx);
		default:
			return controlCommand(state, command, actor, ctx);
	}
}

function controlCommand(
	state: ControlState,
	command: ControlCommand,
	actor: Actor,
	{ playbook, now }: DecisionContext
): Decision {
	const result = isAsyncCommand(command)
		? decideAsync(state, command, playbook, actor, now)
		: applyRoomCommand(state, command, playbook, actor, now);
	if (!result.ok) return result;
	const done = (...effects: Effect[]): Decision => ({ ok: true, state: result.state, effects });
	if (erasesRoom(command, result.state, actor.present)) return done({ type: 'erase' });
	switch (command.type) {
		case 'host.hand-over':
			return command.participantId === actor.participantId
				? done()
				: done({ type: 'grant-host-key', participantId: command.participantId });
		case 'host.lock-room':
			return done({ type: 'announce-lock', locked: command.locked });
		case 'host.remove':
			// Also when the removal changes nothing: a retry after a failure elsewhere.
			return done({ type: 'remove', participantId: command.participantId });
		default:
			return done();
	}
}

/**
 * One person's rating for the rating step `step`, sealed until everyone it waits for has rated
 * (everyone present; on a turn, its takers: A16). Only people who confirmed the agreements take
 * part.
 */
function rate(
	state: ControlState,
	step: number,
	value: number,
	actor: Actor,
	{ playbook, sealedRatings }: DecisionContext
): Decision {
	const me = actor.participantId;
	if (!state.agreed.includes(me)) {
		return refused(
			'not_allowed',
			'Confirm the room’s agreements before taking part.',
			'agreements'
		);
	}
	const at = planSteps(sessionPlan(playbook, state))[step];
	const phase = at && playbook.phases[at.phaseIndex];
	if (!at || phase?.tool !== 'rating') {
		return refused('invalid_command', 'That step has no rating to give.', 'no_rating');
	}
	const key = ratingKey(phase.id, at.round);
	const round = state.ratings[key];
	const raters = expectedRaters(state, playbook, key, actor.present);
	const result = submitRating(round, sealedRatings(key), me, value, raters);
	if (!result.ok) return refused('invalid_command', result.message, result.reason);
	return {
		ok: true,
		state: { ...state, ratings: { ...state.ratings, [key]: result.round } },
		effects: round?.revealed ? [] : [{ type: 'seal-rating', key, value }]
	};
}

/**
 * Records who took part, under the name and role they joined with, for the summary (the first
 * join also starts the record of time per phase); the holder of the host key becomes the host,
 * unless someone else is now.
 */
function join(
	state: ControlState,
	{ person, holdsHostKey }: Extract<RoomCommand, { type: 'person.join' }>,
	actor: Actor,
	{ playbook, now }: DecisionContext
): ControlState {
	const me = actor.participantId;
	let next = startHistory(state, playbook, now);
	const known = next.people[me];
	const changed = known?.name !== person.name || known.roleId !== person.roleId;
	if (changed && (known || Object.keys(next.people).length < MAX_PEOPLE)) {
		next = { ...next, people: { ...next.people, [me]: person } };
	}
	return holdsHostKey ? claimHost(next, me) : next;
}

/**
 * What follows from who is `present`: ratings no one present is still to give are revealed, a
 * host away too long gives control back to everyone (and the lock with it), and the marks of
 * people who left are dropped; the room is erased once everyone left has agreed to.
 */
function settle(
	state: ControlState,
	present: readonly string[],
	{ playbook, now, sealedRatings }: DecisionContext
): Decision {
	let revealed = false;
	const ratings = Object.fromEntries(
		Object.entries(state.ratings).map(([key, round]) => {
			const next = revealIfDue(
				round,
				sealedRatings(key),
				expectedRaters(state, playbook, key, present)
			);
			revealed ||= next !== round;
			return [key, next];
		})
	);
	const settled = settleRoom(revealed ? { ...state, ratings } : state, playbook, present, now);
	const effects: Effect[] = everyoneAgreesToErase(settled, present)
		? [{ type: 'erase' }]
		: state.roomLocked && !settled.roomLocked
			? [{ type: 'announce-lock', locked: false }]
			: [];
	return { ok: true, state: settled, effects };
}

/** Whether a decision has anything to write or do. */
export const changesSomething = (before: ControlState, decision: Decision): boolean =>
	decision.ok && (decision.state !== before || decision.effects.length > 0);
