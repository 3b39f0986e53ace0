import type { ControlState } from '../protocol/control';
import { placeSeats, type PlacesPlan } from './async-takers';
import { sessionPlan } from './control';
import type { RosterEntry } from './room-view';
import { castFor, castInRound, type Cast, type RotationPlan } from './rotation';
import { planSteps, type RoundPlan, type Step } from './steps';

/** What the room's play needs of a playbook. */
export interface PlayPlan extends RotationPlan, RoundPlan, PlacesPlan {
	phases: RoundPlan['phases'];
}

/** The step the room is on, with its phase. */
export type CurrentStep<P extends PlayPlan> = Step & { phase: P['phases'][number] };

/** The room as it plays now: computed once, read by the room page and the projector alike. */
export interface RoomPlay<P extends PlayPlan, R extends RosterEntry> {
	/** The playbook as this room plays it: with the rounds people added. */
	plan: P;
	steps: Step[];
	/** The step the room is on; undefined for a step the plan does not have (another version). */
	current: CurrentStep<P> | undefined;
	/** The round being played: the current step's, else the first. */
	round: number;
	/** Who is here: someone the host removed is off every list at once. */
	roster: R[];
	/**
	 * Who plays which role in the current round. On turns, the people holding a place, online or
	 * not (A33): someone watching, such as a second device, has no role.
	 */
	cast: Cast;
}

/** The room's plan, step, people and cast for its control state and the roster. */
export function roomPlay<P extends PlayPlan, R extends RosterEntry>(
	playbook: P,
	control: ControlState,
	roster: readonly R[]
): RoomPlay<P, R> {
	const plan = sessionPlan(playbook, control);
	const steps = planSteps(plan);
	const step = steps[control.step];
	const phase = step && plan.phases[step.phaseIndex];
	const round = step?.round ?? 1;
	const here = roster.filter((person) => !control.removed.includes(person.participantId));
	return {
		plan,
		steps,
		current: step && phase && { ...step, phase },
		round,
		roster: here,
		cast:
			control.async?.mode === 'async'
				? castInRound(plan, placeSeats(control, plan), round, control.speakers)
				: castFor(plan, control, here, round)
	};
}
