// What follows any decision in a room on turns once who holds a place, or who is waited for, may
// have changed (protocol A5, A33, A34). `decide` applies it after every decision, in one place,
// so no command's handler needs to remember it.
import type { ControlState } from '../protocol/control';
import { moveOn, type AsyncPlan } from './async-schedule';
import { counting, placesOf, takersAt } from './async-takers';
import { sessionPlan } from './control';
import { planSteps } from './steps';
import { takeTurns } from './turns';

const sameIds = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * Whether the current step waits for nobody (A34): everyone it casts took their turn, or it
 * casts nobody only because the host removed the people it would have (back, they would take a
 * turn in it) and no place is free for someone else to take. A paused room waits for its resume
 * (A28); a step nobody holding a place takes a turn in for other reasons (nobody confirmed yet),
 * or that has a place free for the next to confirm, waits for its deadline.
 */
function waitsForNobody(state: ControlState, plan: AsyncPlan, places: readonly string[]): boolean {
	const schedule = state.async;
	if (!counting(schedule) || state.pause !== null) return false;
	const takers = takersAt(state, plan, state.step);
	if (takers.length > 0) return takers.every((id) => schedule.taken.includes(id));
	if (places.length < plan.groupSize.max) return false;
	return takersAt({ ...state, removed: [] }, plan, state.step).length > 0;
}

/**
 * Whether a decision left alone everything besides the places that who is cast and waited for
 * depends on. `before` was followed when it was decided, so with the same places nothing follows.
 */
const untouched = (before: ControlState, after: ControlState): boolean =>
	before.step === after.step &&
	before.pause === after.pause &&
	before.removed === after.removed &&
	before.people === after.people &&
	before.speakers === after.speakers &&
	before.rounds === after.rounds &&
	before.async?.mode === after.async?.mode &&
	before.async?.openedAt === after.async?.openedAt &&
	sameIds(before.async?.taken ?? [], after.async?.taken ?? []);

/**
 * What follows a decision taking the room from `before` to `after` at server time `now`, in a
 * room counting turns: the turns recorded from the place-holders (`takeTurns`), then the
 * room moves on, as often as it takes, while its step waits for nobody. Answers `after` itself
 * when nothing follows.
 */
export function followPlaces(
	before: ControlState,
	after: ControlState,
	plan: AsyncPlan,
	now: number
): ControlState {
	if (!counting(after.async)) return after;
	// Most decisions (a rating, a tick, a lock) change none of this: they cost two `placesOf`.
	const places = placesOf(after, plan);
	const placesChanged = !sameIds(placesOf(before, plan), places);
	if (!placesChanged && untouched(before, after)) return after;
	// The turns on record follow the place-holders; new places draw the speaker of a round not
	// begun again (A33), and nothing else does: not going back, not a role chosen, not a resume.
	let state = takeTurns(after, plan, places, { redraw: placesChanged });
	// Each move enters a later step or ends the schedule, so this ends within the session's steps.
	// Moving on changes nobody's place.
	const steps = planSteps(sessionPlan(plan, state)).length;
	for (let moves = 0; moves <= steps && waitsForNobody(state, plan, places); moves++) {
		state = moveOn(state, plan, now);
	}
	return state;
}
