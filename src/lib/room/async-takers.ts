// Who a room on turns waits for: the people holding its places, and the takers each step casts
// from them (protocol A3, A33). Pure: everything comes from the control state and the playbook.
import type { ControlState } from '../protocol/control';
import type { AsyncPlan } from './async-schedule';
import { sessionPlan } from './control';
import { castInRound, seatsOf, type Seat } from './rotation';
import { planSteps } from './steps';

/** How many places a room on turns has: the playbook's largest group. */
export interface PlacesPlan {
	groupSize?: { max: number } | undefined;
}

/** The roles whose turn phase `phaseIndex` is; none for a phase that does not run as turns. */
export const turnRoles = (plan: AsyncPlan, phaseIndex: number) =>
	plan.phases[phaseIndex]?.turnBy ?? [];

/**
 * Who holds a place in a room on turns (A33): the first `groupSize.max` people who confirmed the
 * agreements, in the order they did, among those who joined and were not removed. Identity is
 * per browser, so a second device is a second person: after the places are taken it watches.
 * Every playbook has agreements and nobody takes a turn before confirming them, so confirming is
 * what claims a place; without a group size every such person holds one.
 */
export function placesOf(
	state: Pick<ControlState, 'agreed' | 'people' | 'removed'>,
	plan: PlacesPlan
): string[] {
	const confirmed = state.agreed.filter(
		(id) => Object.hasOwn(state.people, id) && !state.removed.includes(id)
	);
	return plan.groupSize ? confirmed.slice(0, plan.groupSize.max) : confirmed;
}

/**
 * The room's seats, in join order with their chosen roles, where only the place-holders sit (A33):
 * what a room on turns casts from, online or not.
 */
export function placeSeats(
	state: Pick<ControlState, 'agreed' | 'people' | 'removed'>,
	plan: PlacesPlan
): Seat[] {
	const places = placesOf(state, plan);
	return seatsOf(state.people, []).map((seat) => ({
		...seat,
		present: places.includes(seat.participantId)
	}));
}

/** Someone who confirmed the agreements but holds no place: they watch and are never waited for. */
export const watches = (state: ControlState, plan: PlacesPlan, personId: string): boolean =>
	state.agreed.includes(personId) &&
	!state.removed.includes(personId) &&
	!placesOf(state, plan).includes(personId);

/**
 * Who takes a turn in `step` (A3): the people whose role in that step's round is one the phase
 * names, cast by the rotation from the people holding a place (A33), online or not.
 */
export function takersAt(state: ControlState, plan: AsyncPlan, step: number): string[] {
	const at = planSteps(sessionPlan(plan, state))[step];
	const roles = at ? turnRoles(plan, at.phaseIndex) : [];
	if (!at || roles.length === 0) return [];
	return castInRound(plan, placeSeats(state, plan), at.round, state.speakers)
		.members.filter((member) => roles.includes(member.roleId))
		.map((member) => member.participantId);
}

/** The current step's takers who have not taken their turn yet. */
export const waitingFor = (state: ControlState, plan: AsyncPlan): string[] =>
	takersAt(state, plan, state.step).filter((id) => !state.async?.taken.includes(id));
