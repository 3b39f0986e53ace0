/** The role whose story is the focus (the speaker): the playbook's choice, else its first role. */
export function speakerRoleId(playbook: {
	speakerRole?: string | undefined;
	roles: readonly { id: string }[];
}): string | undefined {
	return playbook.speakerRole ?? playbook.roles[0]?.id;
}

/** What the step plan needs of a playbook. */
export interface RoundPlan {
	phases: readonly { repeatsPerRound?: boolean | undefined }[];
	rounds?: number | undefined;
}

/** One step of a session: a phase, in a round (1-based; 1 for phases that do not repeat). */
export interface Step {
	phaseIndex: number;
	round: number;
	/** Whether this phase repeats per round, so the round is worth showing. */
	repeats: boolean;
}

/**
 * The session as a flat list of steps: each run of consecutive phases marked `repeatsPerRound`
 * is played `rounds` times in a row (story, paraphrase, rating; then again with roles rotated).
 * Phases that do not repeat appear once.
 */
export function planSteps(plan: RoundPlan): Step[] {
	const rounds = Math.max(1, plan.rounds ?? 1);
	const steps: Step[] = [];
	let index = 0;
	while (index < plan.phases.length) {
		if (!plan.phases[index]?.repeatsPerRound) {
			steps.push({ phaseIndex: index, round: 1, repeats: false });
			index++;
			continue;
		}
		let end = index;
		while (plan.phases[end]?.repeatsPerRound) end++;
		for (let round = 1; round <= rounds; round++) {
			for (let phaseIndex = index; phaseIndex < end; phaseIndex++) {
				steps.push({ phaseIndex, round, repeats: true });
			}
		}
		index = end;
	}
	return steps;
}
