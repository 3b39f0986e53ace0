import type { ControlState } from '../protocol/control';
import { ratingKey } from '../protocol/room-content';
import type { AsyncPlan } from './async-schedule';
import { takersAt } from './async-takers';
import { sessionPlan } from './control';
import { planSteps, speakerRoleId } from './steps';

/** What the turn tools need of a playbook: its roles, and its phases' tools in order. */
export interface TurnToolPlan {
	speakerRole?: string | undefined;
	roles: readonly { id: string }[];
	phases: readonly { id: string; tool?: string | undefined; turnBy?: readonly string[] }[];
}

export type TurnControl = Pick<ControlState, 'async' | 'ratings'>;

/** Whether the room was started across time zones (on turns now, or live for a while). */
export const acrossTimeZones = (control: Pick<TurnControl, 'async'>) => control.async != null;
/** Whether the room is taking turns right now: nobody is expected to be there together. */
const takingTurns = (control: TurnControl) => control.async?.mode === 'async';

/**
 * Whether phase `phaseIndex` is where the speaker tells the story in a room across time zones:
 * a phase run as the speaker's turn, with no tool of its own, whose next phase reflects it back
 * (the paraphrase). Live, the story is told aloud; across time zones it is recorded or written.
 */
export function tellsStory(plan: TurnToolPlan, control: TurnControl, phaseIndex: number): boolean {
	const phase = plan.phases[phaseIndex];
	const speaker = speakerRoleId(plan);
	return (
		acrossTimeZones(control) &&
		speaker !== undefined &&
		(phase?.turnBy?.includes(speaker) ?? false) &&
		(phase?.tool ?? 'none') === 'none' &&
		plan.phases[phaseIndex + 1]?.tool === 'paraphrase'
	);
}

/** The key of the round's rating of how understood the speaker felt, if the playbook has one. */
function understoodKey(plan: TurnToolPlan, round: number): string | undefined {
	const rating = plan.phases.find((phase) => phase.tool === 'rating');
	return rating && ratingKey(rating.id, round);
}

/**
 * Whether the listener's paraphrase of `round` stays sealed from `roleId`'s screen: while the
 * room takes turns, the speaker reads it only once they have rated how understood they felt
 * (the rating's own seal is the server's, protocol A11). Live, everyone reads along.
 */
export function paraphraseSealed(
	plan: TurnToolPlan,
	control: TurnControl,
	round: number,
	self: { participantId: string; roleId: string | undefined }
): boolean {
	if (!takingTurns(control) || self.roleId !== speakerRoleId(plan)) return false;
	const key = understoodKey(plan, round);
	return key !== undefined && !control.ratings[key]?.submitted.includes(self.participantId);
}

/**
 * Whether the rating step at `phaseIndex` shows the round's paraphrase below it: across time
 * zones the speaker rates first and then reads what the listener wrote (A11) and marks the
 * phrase that landed; the listener and everyone else see there which phrase landed (A17).
 */
export function paraphraseAfterRating(
	plan: TurnToolPlan,
	control: TurnControl,
	phaseIndex: number,
	round: number,
	self: { participantId: string; roleId: string | undefined }
): boolean {
	return (
		acrossTimeZones(control) &&
		plan.phases[phaseIndex]?.tool === 'rating' &&
		plan.phases.some((phase) => phase.tool === 'paraphrase') &&
		!paraphraseSealed(plan, control, round, self)
	);
}

/**
 * Whether the paraphrase is read-only on `participantId`'s screen (A11, A17, A19): while the room
 * takes turns, only the takers of a paraphrase step write it. On the rating step (the speaker's
 * turn) the listener sees which phrase landed without rewriting the take being rated, and while
 * a second take is written the speaker reads along. Live, everyone writes along as they always did.
 */
export function paraphraseReadOnly(
	plan: AsyncPlan,
	control: ControlState,
	participantId: string
): boolean {
	if (!takingTurns(control)) return false;
	const at = planSteps(sessionPlan(plan, control))[control.step];
	const writing = at !== undefined && plan.phases[at.phaseIndex]?.tool === 'paraphrase';
	return !writing || !takersAt(control, plan, control.step).includes(participantId);
}
