import { assertNever } from '../assert-never';
import type { ControlState } from '../protocol/control';
import {
	extendTurns,
	goLive,
	resumeTurns,
	startTurns,
	takeTurn,
	type AsyncPlan
} from './async-schedule';
import type { ControlResult } from './control';
import { askSecondTake } from './second-take';
import { commandRefusal, type Actor, type AsyncCommand } from './command-rights';

/**
 * Decides a command of a room run across time zones from `actor` at server time `now`, after
 * the same checks of rights as every command (removed, agreements, host; protocol A1–A8, A18).
 */
export function decideAsync(
	state: ControlState,
	command: AsyncCommand,
	plan: AsyncPlan,
	actor: Actor,
	now: number
): ControlResult {
	const refused = commandRefusal(state, command, actor, plan);
	if (refused) return refused;
	switch (command.type) {
		case 'async.start':
			return startTurns(state, plan, command.windowsMs, now);
		case 'async.turn':
			return takeTurn(state, plan, actor.participantId, command.step, now);
		case 'async.extend':
			return extendTurns(state, plan, command.step, now);
		case 'async.second-take':
			return askSecondTake(state, plan, actor.participantId, command.step, now);
		case 'async.live':
			return goLive(state, plan, actor.present);
		case 'async.resume':
			return resumeTurns(state, plan, now);
		default:
			return assertNever(command);
	}
}
