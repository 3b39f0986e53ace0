import type { ControlState } from '../protocol/control';
import { ratingKey } from '../protocol/room-content';
import { takersAt, type AsyncPlan } from './async-schedule';
import { sessionPlan } from './control';
import { planSteps } from './steps';

/**
 * Who the ratings under `key` wait for before they show (protocol S11, A16). In a live room,
 * everyone present. While the room takes turns, a rating step that runs as turns waits for its
 * takers only (the speaker saying how understood they felt), online or not: the listener
 * happening to be online has no rating to give in the speaker's turn, so they must not hold it
 * sealed.
 */
export function expectedRaters(
	state: ControlState,
	plan: AsyncPlan,
	key: string,
	present: readonly string[]
): readonly string[] {
	if (state.async?.mode !== 'async') return present;
	const step = planSteps(sessionPlan(plan, state)).findIndex(({ phaseIndex, round }) => {
		const phase = plan.phases[phaseIndex];
		return phase?.tool === 'rating' && ratingKey(phase.id, round) === key;
	});
	const takers = step === -1 ? [] : takersAt(state, plan, step);
	return takers.length > 0 ? takers : present;
}
