import { MAX_TURN_WINDOW_MS, MIN_TURN_WINDOW_MS, type TurnWindows } from '../protocol/control';
import { HOUR_MS } from '../time-units';
import { isTurnPhase } from '../protocol/turn-phases';
import { DEFAULT_TURN_WINDOW_MS, type AsyncPlan } from './async-schedule';

/** The hours a phase's field starts with. */
export const DEFAULT_WINDOW_HOURS = DEFAULT_TURN_WINDOW_MS / HOUR_MS;

/** The phases a starter sets a window for: those that run as turns, in playbook order. */
export const turnPhases = <P extends AsyncPlan['phases'][number]>(plan: {
	phases: readonly P[];
}): P[] => plan.phases.filter(isTurnPhase);

/**
 * The windows from the hours typed per phase id, or the ids whose hours are not a number of
 * whole minutes from 1 to 168 hours (the server's limits, protocol A1).
 */
export function windowsFromHours(
	hours: Record<string, string>
): { ok: true; windowsMs: TurnWindows } | { ok: false; wrong: string[] } {
	const windowsMs: TurnWindows = {};
	const wrong: string[] = [];
	for (const [id, typed] of Object.entries(hours)) {
		const ms = Math.round((Number(typed.replace(',', '.')) * HOUR_MS) / 60_000) * 60_000;
		if (
			typed.trim() === '' ||
			!Number.isFinite(ms) ||
			ms < MIN_TURN_WINDOW_MS ||
			ms > MAX_TURN_WINDOW_MS
		) {
			wrong.push(id);
		} else {
			windowsMs[id] = ms;
		}
	}
	return wrong.length > 0 ? { ok: false, wrong } : { ok: true, windowsMs };
}
