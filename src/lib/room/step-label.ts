import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';

/** What naming a step needs of a playbook. */
export interface LabelPlan {
	phases: readonly { title: string; repeatsPerRound?: boolean | undefined }[];
}

interface LabelOptions {
	/**
	 * How many rounds the session has (`sessionRounds`): the round is named only when there is
	 * more than one, since "round 1" of a session of one round tells nobody anything.
	 */
	rounds: number;
	/** The reader's language for the words around the title (the playbook's stay as written). */
	locale: Locale | undefined;
}

/**
 * A step as the summary and the turns card name it: its phase's title, with the round when the
 * phase repeats in a session of several rounds, so two rounds' lines do not read the same. A
 * phase the playbook does not have reads as its number.
 */
export function stepLabel(
	plan: LabelPlan,
	{ phaseIndex, round }: { phaseIndex: number; round: number },
	{ rounds, locale }: LabelOptions
): string {
	const phase = plan.phases[phaseIndex];
	const opts = { locale };
	if (!phase) return m.tools_phase_number({ number: phaseIndex + 1 }, opts);
	return phase.repeatsPerRound && rounds > 1
		? m.tools_phase_in_round({ title: phase.title, round }, opts)
		: phase.title;
}
