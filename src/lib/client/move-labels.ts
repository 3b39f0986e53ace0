import { assertNever } from '../assert-never';
import { m } from '../paraglide/messages';
import type { Step } from '../room/steps';

/** A step's move buttons: Next, Previous, and one more round at the end of the last. */
export type StepMove = 'next' | 'previous' | 'more';

/**
 * How `move`'s button reads on step `step` of `steps` (the room's plan, with any rounds added):
 * Next says when it starts a new round. The one wording of each move, for its button and for
 * every line that names a press of it (the kept note, the banner's list, the news on return).
 */
export function moveLabel(steps: readonly Step[], step: number, move: StepMove): string {
	switch (move) {
		case 'next': {
			const next = steps[step + 1];
			const startsRound = next?.repeats === true && next.round > (steps[step]?.round ?? 1);
			return startsRound ? m.room_phase_start_round({ round: next.round }) : m.room_silence_next();
		}
		case 'previous':
			return m.room_phase_previous();
		case 'more':
			return m.room_action_more_round();
		default:
			return assertNever(move);
	}
}
