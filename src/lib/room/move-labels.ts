import { assertNever } from '../assert-never';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { Step } from './steps';

/** A step's move buttons: Next, Previous, and one more round at the end of the last. */
export type StepMove = 'next' | 'previous' | 'more';

/**
 * How `move`'s button reads on step `step` of `steps` (the room's plan, with any rounds added):
 * Next says when it starts a new round. The one wording of each move, for its button and for
 * every line that names a press of it (the kept note, the banner's list, the news on return,
 * the turns card on a step without turns), in `locale` (the page's unless named).
 */
export function moveLabel(
	steps: readonly Step[],
	step: number,
	move: StepMove,
	locale?: Locale
): string {
	const opts = { locale };
	switch (move) {
		case 'next': {
			const next = steps[step + 1];
			const startsRound = next?.repeats === true && next.round > (steps[step]?.round ?? 1);
			return startsRound
				? m.room_phase_start_round({ round: next.round }, opts)
				: m.room_silence_next({}, opts);
		}
		case 'previous':
			return m.room_phase_previous({}, opts);
		case 'more':
			return m.room_action_more_round({}, opts);
		default:
			return assertNever(move);
	}
}
