import type { ControlState } from '../protocol/control';
import { isTurnPhase } from '../protocol/turn-phases';
import { ratingKey, type ParaphraseTake } from '../protocol/room-content';
import { enter, notYourTurn, stepWindow, type AsyncPlan } from './async-schedule';
import { takersAt } from './async-takers';
import { invalid, sessionPlan, type ControlResult } from './control';
import { planSteps } from './steps';

/**
 * The step a second take goes back to from the rating step `step` (A18): its round's paraphrase
 * step, when that runs as turns and `step` rates it. Undefined for any other step.
 */
export function secondTakeStep(
	state: ControlState,
	plan: AsyncPlan,
	step: number
): number | undefined {
	const steps = planSteps(sessionPlan(plan, state));
	const at = steps[step];
	if (!at || plan.phases[at.phaseIndex]?.tool !== 'rating') return undefined;
	const back = steps.findIndex(({ phaseIndex, round }) => {
		const phase = plan.phases[phaseIndex];
		return round === at.round && phase?.tool === 'paraphrase' && isTurnPhase(phase);
	});
	return back === -1 || back > step ? undefined : back;
}

/**
 * The round's speaker, on their turn to rate and having rated, asks the listener for a second
 * take of the paraphrase (A18, A19): once per round, while the room takes turns. The room goes
 * back to the round's paraphrase step with a fresh window (so its takers are told their turn
 * started, A9); once they have taken it the schedule comes back to the rating step.
 */
export function askSecondTake(
	state: ControlState,
	plan: AsyncPlan,
	personId: string,
	step: number,
	now: number
): ControlResult {
	// Past the deadline the speaker's turn is over, as for an extension (A7).
	const open = stepWindow(state, step, now);
	if (!open.ok) return open;
	const { schedule } = open;
	const back = secondTakeStep(state, plan, step);
	const at = planSteps(sessionPlan(plan, state))[step];
	const phase = at && plan.phases[at.phaseIndex];
	if (back === undefined || !at || !phase) {
		return invalid('A second take can only be asked for when rating the paraphrase.', {
			reason: 'no_second_take'
		});
	}
	if (!takersAt(state, plan, step).includes(personId)) return notYourTurn();
	if (!state.ratings[ratingKey(phase.id, at.round)]?.submitted.includes(personId)) {
		return invalid('Rate how understood you felt before asking for a second take.', {
			reason: 'rate_first'
		});
	}
	if (schedule.secondTakes.includes(at.round)) {
		return invalid('This round already had its second take.', { reason: 'second_take_once' });
	}
	const asked = {
		...state,
		async: { ...schedule, secondTakes: [...schedule.secondTakes, at.round] }
	};
	return { ok: true, state: enter(asked, plan, back, now) };
}

/** Which take of `round`'s paraphrase is the latest: the second once the speaker asked (A18). */
export const paraphraseTake = (
	control: Pick<ControlState, 'async'>,
	round: number
): ParaphraseTake => (control.async?.secondTakes.includes(round) ? 2 : 1);

/**
 * Whether `personId` may ask for a second take now: the room would accept it (A18), and it is not
 * paused for everyone, which refuses every schedule command until the resume (A30).
 */
export const mayAskSecondTake = (state: ControlState, plan: AsyncPlan, personId: string): boolean =>
	state.pause === null &&
	askSecondTake(state, plan, personId, state.step, state.async?.openedAt ?? 0).ok;
