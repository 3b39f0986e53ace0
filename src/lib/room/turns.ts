import { MAX_ROUNDS, type ControlState } from '../protocol/control';
import { counting, placesOf, turnRoles, type PlacesPlan, type TurnRolesPlan } from './async-takers';
import { sessionPlan, type PhasePlan } from './control';
import { nextSpeaker, rotates, seatsOf, type RotationPlan, type Seat } from './rotation';
import { planSteps, type Step } from './steps';

/**
 * What turn-taking needs of a playbook. A plan without roles (a bare phase plan, as in the phase
 * machine's tests) takes no turns.
 */
export type TurnPlan = Omit<PhasePlan, 'phases'> &
	Partial<RotationPlan> &
	PlacesPlan & {
		phases: readonly (PhasePlan['phases'][number] & TurnRolesPlan['phases'][number])[];
		/** The repeating phases run once per person present (playbook `roundPerPerson`). */
		roundPerPerson?: boolean | undefined;
	};

/**
 * Brings the record of turns up to date with the room's step and who is present (on turns, who
 * holds a place: protocol A33): in a one-turn-per-person playbook the rounds follow the people
 * present, and a round that has started gets its speaker on record, or a new one if the one on
 * record is no longer present. With `redraw` (on turns, the places changed in this decision), a
 * round nobody has begun draws its speaker again from the place-holders (A33).
 * Rounds that are over are never touched. Answers `state` itself when nothing changes. Pure: the
 * server applies it wherever the step or the people present may have changed.
 */
export function takeTurns(
	state: ControlState,
	plan: TurnPlan,
	present: readonly string[],
	{ redraw = false }: { redraw?: boolean } = {}
): ControlState {
	const { roles, rotation, speakerRole } = plan;
	if (!roles || !rotation) return state;
	const rotationPlan: RotationPlan = { roles, rotation, speakerRole };
	if (!rotates(rotationPlan)) return state;
	// Across time zones nobody needs to be online for their turn: the people holding a place count
	// (protocol A33), and nobody else.
	const here = new Set(
		state.async?.mode === 'async'
			? placesOf(state, plan)
			: present.filter((id) => !state.removed.includes(id))
	);
	const seats = seatsOf(state.people, []).map((seat) => ({
		...seat,
		present: here.has(seat.participantId)
	}));
	const counted = plan.roundPerPerson ? roundsFollowPeople(state, plan, seats) : state;
	return recordSpeaker(counted, plan, rotationPlan, seats, redraw);
}

/**
 * Rounds for everyone to speak once: the rounds before the current one, plus one for each person
 * present who has not spoken in them. Never fewer than the current round, and never changed once
 * the repeating phases are over (it would change which phase the room's step stands for).
 */
function roundsFollowPeople(
	state: ControlState,
	plan: TurnPlan,
	seats: readonly Seat[]
): ControlState {
	const session = sessionPlan(plan, state);
	const steps = planSteps(session);
	const at = steps[state.step];
	if (!at || !steps.slice(state.step).some((step) => step.repeats)) return state;
	const here = seats.filter((seat) => seat.present);
	if (here.length === 0) return state;
	const round = at.repeats ? at.round : 1;
	const spoke = new Set(
		state.speakers.filter((turn) => turn.round < round).map((turn) => turn.participantId)
	);
	const waiting = here.filter((seat) => !spoke.has(seat.participantId)).length;
	const rounds = Math.min(MAX_ROUNDS, Math.max(round, round - 1 + waiting));
	return rounds === (session.rounds ?? 1) ? state : { ...state, rounds };
}

/**
 * Whether the round of step `at`, the room's current step on turns, has not begun (A33): no turn
 * was taken at this step, nor was any earlier step of the round with turns passed (non-repeating
 * steps count as round 1). Its speaker has not spoken, so who speaks may still be drawn again.
 */
function notBegun(state: ControlState, plan: TurnPlan, at: Step): boolean {
	if (!counting(state.async) || state.async.taken.length > 0) return false;
	return !planSteps(sessionPlan(plan, state))
		.slice(0, state.step)
		.some((step) => step.round === at.round && turnRoles(plan, step.phaseIndex).length > 0);
}

/**
 * Puts a speaker on record for the round the room is in, if it repeats and has none present,
 * unless it is over (a later round is on record). On turns every step counts, those that do not
 * repeat as round 1: a turn taken before the repeating steps, or in a playbook without them, is
 * taken in a role, and the roles must not move when someone confirms later (A33). With `redraw`,
 * a round not begun on turns draws its speaker again, so a step opened before the person who chose
 * the speaker's role confirmed gets them as its speaker.
 */
function recordSpeaker(
	state: ControlState,
	plan: TurnPlan,
	rotationPlan: RotationPlan,
	seats: readonly Seat[],
	redraw: boolean
): ControlState {
	const at = planSteps(sessionPlan(plan, state))[state.step];
	if (!at || (!at.repeats && state.async?.mode !== 'async')) return state;
	const recorded = state.speakers.find((turn) => turn.round === at.round);
	const present = (id: string) => seats.some((seat) => seat.participantId === id && seat.present);
	// A round with a later one on record is over: going back into it (Previous) replays nothing.
	const over = state.speakers.some((turn) => turn.round > at.round);
	const stays = (id: string) => present(id) && !(redraw && notBegun(state, plan, at));
	if (recorded && (over || stays(recorded.participantId))) return state;
	const speaker = nextSpeaker(rotationPlan, seats, state.speakers, at.round);
	if (!speaker || speaker.participantId === recorded?.participantId) return state;
	const speakers = [
		...state.speakers.filter((turn) => turn.round !== at.round),
		{ round: at.round, participantId: speaker.participantId }
	].sort((a, b) => a.round - b.round);
	return { ...state, speakers };
}
