import { describe, expect, test } from 'vitest';
import type { ControlState } from '../protocol/control';
import { savedCalendarState, turnsNow } from './async-calendar-saved';
import { tick } from './async-clock';
import { followResume } from './async-pause';
import { ana, ben, HOUR, ok, playbook, started, T0 } from './async-schedule.fixture';
import { extendTurns, goLive, resumeTurns, takeTurn } from './async-schedule';
import { counting, waitingFor } from './async-takers';
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
/** The file's state against the room's schedule at `now` (by default, as the file was saved). */
const against = (
	state: ControlState,
	saved: readonly PlannedDeadline[] | undefined = downloaded,
	now = T0
) => savedCalendarState(saved, turnsNow(state, playbook, now));

/** Every turn taken as soon as it comes, at `now`: the schedule ends early. */
function everyTurnTaken(state: ControlState, now: number): ControlState {
	let done = state;
	// Bounded: a step nobody could take would otherwise loop for ever (the sprint has ten).
	for (let step = 0; step < 20 && counting(done.async); step++) {
		for (const person of waitingFor(done, playbook)) {
			done = ok(takeTurn(done, playbook, person, done.step, now));
		}
	}
	return done;
}

/** Every deadline passed with nobody taking a turn: the schedule ends at the last one. */
function everyDeadlinePassed(state: ControlState): ControlState {
	let done = state;
	for (let step = 0; step < 20 && counting(done.async); step++) {
		done = tick(done, playbook, done.async.deadlineAt);
	}
	return done;
}

describe('the calendar file downloaded on this device', () => {
	test('nothing to say when no file was downloaded here', () => {
		expect(savedCalendarState(undefined, turnsNow(onTurns, playbook, T0))).toBe('none');
		expect(against(paused(onTurns, T0 + HOUR), [])).toBe('none');
		expect(against(everyTurnTaken(onTurns, T0 + HOUR), [], T0 + HOUR)).toBe('none');
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
		const live = ok(goLive(onTurns, playbook, [ana, ben]));
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

	test('[A5] once every turn is done early, the deadlines it holds still to come are left over', () => {
		const done = everyTurnTaken(onTurns, T0 + HOUR);
		expect(done.async?.deadlineAt).toBeNull();
		expect(against(done, downloaded, T0 + HOUR)).toBe('left-over');
		// Paused after the last turn: no deadline is left to move.
		expect(against(paused(done, T0 + 2 * HOUR), downloaded, T0 + 2 * HOUR)).toBe('left-over');
	});

	test('once every turn is done, nothing to say when every deadline in it has passed', () => {
		const atTheirDeadlines = everyDeadlinePassed(onTurns);
		const end = Math.max(...downloaded.map((deadline) => deadline.at));
		expect(atTheirDeadlines.async?.deadlineAt).toBeNull();
		expect(against(atTheirDeadlines, downloaded, end)).toBe('none');
		// Done early, and seen again after the file's last deadline.
		expect(against(everyTurnTaken(onTurns, T0 + HOUR), downloaded, end)).toBe('none');
		// A deadline less than a minute ahead is as good as passed: calendars show minutes.
		expect(against(atTheirDeadlines, downloaded, end - 30_000)).toBe('none');
	});
});
