// The room the room-rules tests start from (`room-rules.test.ts`, `command-rights.test.ts`,
// `admission.test.ts`): three people, a three-step plan, commands applied as on the server.
import type { ControlState } from '../protocol/control';
import { initialControlState, type PhasePlan } from './control';
import type { RulesCommand } from './command-rights';
import { applyRoomCommand, claimHost } from './room-rules';

export const plan: PhasePlan = {
	phases: [{ durationSec: 60 }, { durationSec: 120 }, { durationSec: 30 }]
};
export const T0 = 1_700_000_000_000;
export const everyone = ['ana-00001', 'ben-00002', 'cy-000003'];
export const [ana, ben, cy] = everyone as [string, string, string];

/** Applies `command` as `by` would send it, answering the refusal too. */
export function run(
	state: ControlState,
	command: RulesCommand,
	by = ana,
	present = everyone,
	now = T0
) {
	return applyRoomCommand(state, command, plan, { participantId: by, present }, now);
}
/** Applies `command` as `by` would send it; a refusal fails the test. */
export function apply(
	state: ControlState,
	command: RulesCommand,
	by = ana,
	present = everyone,
	now = T0
) {
	const result = run(state, command, by, present, now);
	if (!result.ok) throw new Error(result.error.message);
	return result.state;
}

/** A room where everyone has confirmed the agreements. */
export const start: ControlState = { ...initialControlState(plan), agreed: [...everyone] };
export const hosted = claimHost(start, ana);
