import type { ControlState } from '../protocol/control';
import { ratingKey } from '../protocol/room-content';
import type { AsyncPlan } from './async-schedule';
import { takersAt } from './async-takers';
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

/**
 * Who the ratings under `key` still wait for (S11, A16): the people {@link expectedRaters} names
 * who have not rated. On a turn that names its takers even while they are offline, which the
 * roster may no longer list.
 */
export const stillToRate = (
	state: ControlState,
	plan: AsyncPlan,
	key: string,
	present: readonly string[]
): string[] =>
	expectedRaters(state, plan, key, present).filter(
		(id) => !state.ratings[key]?.submitted.includes(id)
	);

/**
 * Whether `personId` is offered the rating form for `key` (S11, A16). Live, everyone present
 * rates, and everyone but the speaker guesses the speaker's rating before it shows. On a turn only
 * its takers rate: the speaker's rating shows as soon as it is in, so a guess made afterwards
 * would be no guess; the others see it once shown, or whom it waits for.
 */
export const offeredRating = (
	state: ControlState,
	plan: AsyncPlan,
	key: string,
	personId: string,
	present: readonly string[]
): boolean =>
	state.async?.mode !== 'async' || expectedRaters(state, plan, key, present).includes(personId);
