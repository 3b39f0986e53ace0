// Who a room on turns waits for: the people holding its places, and the takers each step casts
// from them (protocol A3, A33). Pure: everything comes from the control state and the playbook.
import type { AsyncState, ControlState } from '../protocol/control';
import type { AsyncPlan } from './async-schedule';
import { sessionPlan } from './control';
import { castInRound, seatsOf, type Seat } from './rotation';
import { planSteps } from './steps';

/** How many places a room on turns has: the playbook's largest group. */
export interface PlacesPlan {
	groupSize?: { max: number } | undefined;
}

/** What {@link turnRoles} needs of a playbook: the roles each phase is a turn of. */
export interface TurnRolesPlan {
	phases: readonly { turnBy?: readonly string[] | undefined }[];
}

/** The roles whose turn phase `phaseIndex` is; none for a phase that does not run as turns. */
export const turnRoles = (plan: TurnRolesPlan, phaseIndex: number): readonly string[] =>
	plan.phases[phaseIndex]?.turnBy ?? [];

/** A schedule playing turns with a deadline ahead. */
export type Counting = AsyncState & { deadlineAt: number };

/** Whether the room is playing turns with a deadline ahead: only then does it wait for anyone. */
export const counting = (schedule: AsyncState | null | undefined): schedule is Counting =>
	schedule?.mode === 'async' && schedule.deadlineAt !== null;

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
	const places = new Set(placesOf(state, plan));
	return seatsOf(state.people, []).map((seat) => ({
		...seat,
		present: places.has(seat.participantId)
	}));
}

/** Someone who confirmed the agreements but holds no place: they watch and are never waited for. */
export const watches = (state: ControlState, plan: PlacesPlan, personId: string): boolean =>
	state.agreed.includes(personId) &&
	!state.removed.includes(personId) &&
	!placesOf(state, plan).includes(personId);

/**
 * Those of `present` (participant ids) who steer a room on turns (A33, A35, A8): the people
 * holding a place who are present, and, standing in for each place-holder who is not, a present
 * watcher, in the order they confirmed. So Ana, in a new browser while her old identity keeps her
 * place, is not shut out; a second device beside its person, with every place-holder here, is
 * not a second person. With Ben away, Ana's phone stands in for him (accepted: a place per device
 * cannot be told from a place per person).
 */
export function steering(
	state: Pick<ControlState, 'agreed' | 'people' | 'removed'>,
	plan: PlacesPlan,
	present: readonly string[]
): string[] {
	const places = placesOf(state, plan);
	const here = (id: string) => present.includes(id);
	const away = places.filter((id) => !here(id)).length;
	const standIns = state.agreed
		.filter((id) => here(id) && !places.includes(id) && Object.hasOwn(state.people, id))
		.filter((id) => !state.removed.includes(id))
		.slice(0, away);
	return [...places.filter(here), ...standIns];
}

/** Someone watching who stands in for a place-holder not present (`steering`). */
export const standsIn = (
	state: ControlState,
	plan: PlacesPlan,
	personId: string,
	present: readonly string[]
): boolean => watches(state, plan, personId) && steering(state, plan, present).includes(personId);

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
