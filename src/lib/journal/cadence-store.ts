import { readStored, writeStored } from '../client/identity';
import { cadencePlanSchema, type CadencePlan } from './cadence';

/** The practice plan stays in this browser, like the journal. */
const PLAN_KEY = 'practice-room:cadence';

/** The plan saved in this browser, if any (one that no longer parses counts as none). */
export function savedPlan(): CadencePlan | undefined {
	try {
		const parsed = cadencePlanSchema.safeParse(JSON.parse(readStored(PLAN_KEY) ?? 'null'));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

export function savePlan(plan: CadencePlan): void {
	writeStored(PLAN_KEY, JSON.stringify(plan));
}
