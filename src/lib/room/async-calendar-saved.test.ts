import { describe, expect, test } from 'vitest';
import type { ControlState } from '../protocol/control';
import { savedCalendarState } from './async-calendar-saved';
import { followResume } from './async-pause';
import { ana, ben, HOUR, ok, playbook, started, T0 } from './async-schedule.fixture';
import { extendTurns, goLive, resumeTurns, takeTurn } from './async-schedule';
import { plannedDeadlines, type PlannedDeadline } from './async-view';

const onTurns = started();
/** The file downloaded at the start: every deadline as planned then. */
const downloaded = plannedDeadlines(onTurns, playbook);

const paused = (state: ControlState, at: number): ControlState => ({
	...state,
	pause: { at, timerWasRunning: false }
});
const resumed = (state: ControlState, at: number) =>
	followResume(state, { ...state, pause: null }, at);
/** The file's state against the room's schedule now. */
const against = (state: ControlState, saved: readonly PlannedDeadline[] | undefined = downloaded) =>
	savedCalendarState(
		saved,
		plannedDeadlines(state, playbook),
		state.pause !== null || state.async?.mode === 'live'
	);

describe('the calendar file downloaded on this device', () => {
	test('nothing to say when no file was downloaded here', () => {
		expect(savedCalendarState(undefined, downloaded, false)).toBe('none');
		expect(against(paused(onTurns, T0 + HOUR), [])).toBe('none');
	});

	test('is current while the schedule keeps the deadlines it planned', () => {
		expect(against(onTurns)).toBe('current');
	});

	test('[A28] will move while the room is paused, though no deadline has moved yet', () => {
		const still = paused(onTurns, T0 + 2 * HOUR);
		expect(plannedDeadlines(still, playbook)).toEqual(downloaded);
		expect(against(still)).toBe('will-move');
	});

	test('[A29] is out of date once the room resumes: every deadline moved by the pause', () => {
		const pause = paused(onTurns, T0 + 2 * HOUR);
		expect(against(resumed(pause, T0 + 5 * HOUR))).toBe('out-of-date');
	});

	test('a pause shorter than a minute, which a calendar cannot show, leaves it current', () => {
		const pause = paused(onTurns, T0 + 2 * HOUR);
		expect(against(resumed(pause, T0 + 2 * HOUR + 30_000))).toBe('current');
	});

	test('[A7] is out of date after the extension', () => {
		expect(against(ok(extendTurns(onTurns, playbook, onTurns.step, T0 + HOUR)))).toBe(
			'out-of-date'
		);
	});

	test('[A8] will move while the room plays live, and is out of date back on turns', () => {
		const live = ok(goLive(onTurns, [ana, ben]));
		expect(against(live)).toBe('will-move');
		expect(against(ok(resumeTurns(live, playbook, T0 + 3 * HOUR)))).toBe('out-of-date');
	});

	test('[A5] is out of date when a turn taken early brings the next deadlines forward', () => {
		const early = ok(takeTurn(onTurns, playbook, ana, onTurns.step, T0 + HOUR));
		expect(early.step).toBeGreaterThan(onTurns.step);
		expect(against(early)).toBe('out-of-date');
		// Downloaded again after it: current, and the deadline passed is not compared.
		expect(against(early, plannedDeadlines(early, playbook))).toBe('current');
	});
});
