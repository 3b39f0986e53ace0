import { speakerRoleId } from './steps';
import type { FeedbackAnswer } from './summary-turns';
import { acrossTimeZones, type TurnControl, type TurnToolPlan } from './turn-tools';

/**
 * What a step of a feedback rehearsal adds across time zones (protocol A20, A21): the receiver
 * answers what they heard (`answer`), the giver rates how well it matched (`rate`), and every
 * other step recalls the rounds rated so far (`recap`), so the receiver sees the rating at their
 * next turn. Live, people say all this aloud and nothing is added.
 */
export type FeedbackTurnTool = 'answer' | 'rate' | 'recap';

/**
 * The phase where the receiver hears the message: a feedback-builder phase run as the turn of
 * roles other than the giver (the speaker role).
 */
function answerPhase(plan: TurnToolPlan): number {
	const giver = speakerRoleId(plan);
	return plan.phases.findIndex(
		(phase) =>
			phase.tool === 'feedback-builder' &&
			(phase.turnBy?.length ?? 0) > 0 &&
			!(phase.turnBy ?? []).some((role) => role === giver)
	);
}

/** What step `phaseIndex` adds to a feedback rehearsal across time zones, if anything. */
export function feedbackTurnTool(
	plan: TurnToolPlan,
	control: Pick<TurnControl, 'async'>,
	phaseIndex: number
): FeedbackTurnTool | undefined {
	const answer = answerPhase(plan);
	if (!acrossTimeZones(control) || answer === -1) return undefined;
	if (phaseIndex === answer) return 'answer';
	const next = plan.phases[answer + 1];
	const giver = speakerRoleId(plan);
	const rates =
		phaseIndex === answer + 1 &&
		(next?.tool ?? 'none') === 'none' &&
		giver !== undefined &&
		(next?.turnBy?.includes(giver) ?? false);
	return rates ? 'rate' : 'recap';
}

/**
 * Whether the round's receiver let their answer turn pass untaken (A6) and left nothing heard,
 * neither written nor recorded: there is then no answer to rate (A21). A turn taken, or one that
 * left words or a clip before the deadline, is an answer, however short.
 */
export function answerMissed(
	plan: TurnToolPlan,
	control: Pick<TurnControl, 'async'>,
	answer: Pick<FeedbackAnswer, 'round' | 'heard' | 'voiced'>
): boolean {
	const phase = answerPhase(plan);
	if (phase === -1 || answer.heard !== '' || answer.voiced) return false;
	return (control.async?.missed ?? []).some(
		(missed) => missed.phaseIndex === phase && missed.round === answer.round
	);
}
