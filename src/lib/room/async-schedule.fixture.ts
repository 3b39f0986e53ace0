// A room of the Active Listening Sprint with Ana and Ben, for the turn-schedule tests
// (`async-schedule.test.ts`, `async-clock.test.ts`) and the tests of what turns decide.
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import type { AsyncState, ControlState } from '../protocol/control';
import { playbookSchema } from '../protocol/playbook';
import { startTurns, takeTurn } from './async-schedule';
import { waitingFor } from './async-takers';
import { initialControlState, type ControlResult } from './control';
import { HOUR_MS } from '../time-units';
export { HOUR_MS as HOUR } from '../time-units';

export const playbook = playbookSchema.parse(activeListeningSprint);
/** 2026-03-28 12:00 UTC: the day before Europe's clocks go forward. */
export const T0 = Date.UTC(2026, 2, 28, 12);
export const [ana, ben] = ['ana-00001', 'ben-00002'] as const;
// Steps: 0 settle; round 1: 1 story, 2 paraphrase, 3 silence, 4 rating; round 2: 5–8; 9 micro-adjustment.
const people = {
	[ana]: { name: 'Ana', roleId: 'speaker' },
	[ben]: { name: 'Ben', roleId: 'listener' }
};
export const base: ControlState = { ...initialControlState(playbook), people, agreed: [ana, ben] };

export function ok(result: ControlResult): ControlState {
	if (!result.ok) throw new Error(result.error.message);
	return result.state;
}
/** The sprint started as turns at T0, with `windows` chosen. */
export const started = (windows = {}) => ok(startTurns(base, playbook, windows, T0));

/**
 * The sprint started as turns at T0 and played up to `step`: each turn taken an hour after the
 * one before, by whoever the room waits for, so the room moved on as it does (A5), with its
 * windows opened and its speakers on record.
 */
export function playedTo(step: number): ControlState {
	let state = started();
	for (let hours = 1; state.step < step; hours++) {
		const [taker] = waitingFor(state, playbook);
		if (!taker) throw new Error(`nobody takes a turn at step ${state.step}`);
		state = ok(takeTurn(state, playbook, taker, state.step, T0 + hours * HOUR_MS));
	}
	if (state.step !== step) throw new Error(`the room moved past step ${step} to ${state.step}`);
	return state;
}

/** A room on turns at T0 with no window open yet, with `overrides`. */
export const asyncState = (overrides: Partial<AsyncState> = {}): AsyncState => ({
	mode: 'async',
	windowsMs: {},
	openedAt: T0,
	deadlineAt: null,
	extended: false,
	warned: false,
	taken: [],
	pausedMs: 0,
	missed: [],
	secondTakes: [],
	...overrides
});
