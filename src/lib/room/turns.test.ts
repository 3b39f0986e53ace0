import { describe, expect, test } from 'vitest';
import type { ControlState } from '../protocol/control';
import * as sprint from './async-schedule.fixture';
import { applyRoomCommand } from './room-rules';
import { castFor, rotationSchedule } from './rotation';
import { planSteps } from './steps';
import { takeTurns } from './turns';
import {
	circle,
	goToRound,
	idOf,
	join,
	leave,
	newRoom,
	next,
	spoke,
	stepOf,
	T0
} from './turns.fixture';

describe('turns on record', () => {
	test('a round gets its speaker on record when it starts, not before', () => {
		const room = newRoom(circle, ['Ana', 'Ben', 'Cy']);
		expect(room.state.speakers).toEqual([]);
		goToRound(room, circle, 1);
		expect(room.state.speakers).toEqual([{ round: 1, participantId: idOf('Ana') }]);
		goToRound(room, circle, 2);
		expect(spoke(room)).toEqual(['Ana', 'Ben']);
	});

	test('a round that is over keeps its speaker when they leave; the round now playing does not', () => {
		const room = newRoom(circle, ['Ana', 'Ben', 'Cy', 'Di']);
		goToRound(room, circle, 2);
		leave(room, circle, 'Ana');
		expect(spoke(room)).toEqual(['Ana', 'Ben']);
		leave(room, circle, 'Ben');
		// Ben's round is taken over by the next person who has not spoken.
		expect(spoke(room)).toEqual(['Ana', 'Cy']);
	});

	test('going back into a round that is over keeps its speaker, though they have left', () => {
		const room = newRoom(circle, ['Ana', 'Ben', 'Cy', 'Di']);
		goToRound(room, circle, 3);
		leave(room, circle, 'Ben');
		expect(spoke(room)).toEqual(['Ana', 'Ben', 'Cy']);
		// Someone presses Previous: back into the last phase of round 2, Ben's round.
		const result = applyRoomCommand(
			room.state,
			{ type: 'step.goto', target: room.state.step - 1 },
			circle,
			{ participantId: idOf('Ana'), present: room.present },
			T0
		);
		if (!result.ok) throw new Error(result.error.message);
		room.state = result.state;
		expect(stepOf(room, circle)).toMatchObject({ repeats: true, round: 2 });
		expect(spoke(room)).toEqual(['Ana', 'Ben', 'Cy']);
		// Forward again, round 3 is still Cy's, and Di speaks next.
		goToRound(room, circle, 4);
		expect(spoke(room)).toEqual(['Ana', 'Ben', 'Cy', 'Di']);
	});

	test('the issue’s circle of five: someone leaves, someone joins late, and everyone speaks once', () => {
		const room = newRoom(circle, ['Ana', 'Ben', 'Cy', 'Di', 'Eve']);
		// One turn per person: five rounds for five people, not the playbook's four.
		expect(room.state.rounds).toBe(5);
		goToRound(room, circle, 3);
		leave(room, circle, 'Cy');
		join(room, circle, 'Fay');
		expect(spoke(room)).toEqual(['Ana', 'Ben', 'Di']);
		expect(room.state.rounds).toBe(5);
		goToRound(room, circle, 5);
		expect(spoke(room)).toEqual(['Ana', 'Ben', 'Di', 'Eve', 'Fay']);
		// The schedule keeps who spoke, Cy's absence rewrites nothing.
		const cast = castFor(
			circle,
			room.state,
			room.present.map((participantId) => ({ participantId, status: 'connected' as const })),
			5
		);
		const schedule = rotationSchedule(circle, cast.seats, 5, cast.turns);
		expect(schedule.map((round) => round.speaker?.name)).toEqual([
			'Ana',
			'Ben',
			'Di',
			'Eve',
			'Fay'
		]);
	});

	test('rounds follow the people present until the repeating phases are over', () => {
		const room = newRoom(circle, ['Ana', 'Ben', 'Cy']);
		expect(room.state.rounds).toBe(3);
		join(room, circle, 'Di');
		expect(room.state.rounds).toBe(4);
		leave(room, circle, 'Di');
		expect(room.state.rounds).toBe(3);
		goToRound(room, circle, 3);
		next(room, circle);
		next(room, circle);
		expect(stepOf(room, circle)).toMatchObject({ phaseIndex: 3, repeats: false });
		join(room, circle, 'Ed');
		expect(room.state.rounds).toBe(3);
	});

	test('a playbook without one turn per person keeps its rounds; without rotation nothing is recorded', () => {
		const fixed = newRoom({ ...circle, roundPerPerson: false }, ['Ana', 'Ben', 'Cy', 'Di', 'Eve']);
		expect(fixed.state.rounds).toBeUndefined();
		const still = newRoom({ ...circle, rotation: 'none' }, ['Ana', 'Ben']);
		goToRound(still, { ...circle, rotation: 'none' }, 1);
		expect(still.state.speakers).toEqual([]);
	});

	test('nothing changes when nothing has to: the same state comes back', () => {
		const room = newRoom(circle, ['Ana', 'Ben', 'Cy']);
		goToRound(room, circle, 1);
		expect(takeTurns(room.state, circle, room.present)).toBe(room.state);
	});

	test('a round started by everyone being ready, or by the last one not ready leaving, gets its speaker', () => {
		const room = newRoom(circle, ['Ana', 'Ben', 'Cy']);
		const ready = (name: string) => {
			const result = applyRoomCommand(
				room.state,
				{ type: 'ready.set', step: room.state.step, ready: true },
				circle,
				{ participantId: idOf(name), present: room.present },
				T0
			);
			if (!result.ok) throw new Error(result.error.message);
			room.state = result.state;
		};
		for (const name of ['Ana', 'Ben', 'Cy']) ready(name);
		expect(stepOf(room, circle)).toMatchObject({ repeats: true, round: 1 });
		expect(spoke(room)).toEqual(['Ana']);
		// Round 2 begins when Cy, the only one not ready, leaves.
		next(room, circle);
		expect(stepOf(room, circle)).toMatchObject({ repeats: true, round: 1, phaseIndex: 2 });
		ready('Ana');
		ready('Ben');
		leave(room, circle, 'Cy');
		expect(stepOf(room, circle)).toMatchObject({ repeats: true, round: 2 });
		expect(spoke(room)).toEqual(['Ana', 'Ben']);
	});

	test('one more round after everyone has spoken gets a speaker, and the rounds stay', () => {
		const room = newRoom(circle, ['Ana', 'Ben']);
		goToRound(room, circle, 2);
		while (planSteps({ ...circle, rounds: room.state.rounds })[room.state.step + 1]?.repeats) {
			next(room, circle);
		}
		const result = applyRoomCommand(
			room.state,
			{ type: 'round.more', rounds: 3, step: room.state.step },
			circle,
			{ participantId: idOf('Ben'), present: room.present },
			T0
		);
		if (!result.ok) throw new Error(result.error.message);
		room.state = result.state;
		expect(room.state.rounds).toBe(3);
		expect(stepOf(room, circle)).toMatchObject({ repeats: true, round: 3 });
		expect(spoke(room)).toEqual(['Ana', 'Ben', 'Ana']);
	});

	test('someone removed by the host is not given the turn', () => {
		const room = newRoom(circle, ['Ana', 'Ben']);
		room.state = { ...room.state, removed: [idOf('Ana')] };
		goToRound(room, circle, 1);
		expect(spoke(room)).toEqual(['Ben']);
	});
});

describe('the speaker of a round on turns (A33)', () => {
	/** Step 1 of the sprint on turns (Ana chose the speaker), with Ben on record as its speaker. */
	const benOnRecord = (taken: string[] = []): ControlState => {
		const state = sprint.started();
		if (!state.async) throw new Error('not on turns');
		return {
			...state,
			speakers: [{ round: 1, participantId: sprint.ben }],
			async: { ...state.async, taken }
		};
	};
	/** The speakers on record once the places changed (`redraw`), as `followPlaces` asks. */
	const speakersOf = (state: ControlState, redraw = true) =>
		takeTurns(state, sprint.playbook, [], { redraw }).speakers;

	test('[A33] new places draw the speaker of a round not begun again from the place-holders', () => {
		expect(speakersOf(benOnRecord())).toEqual([{ round: 1, participantId: sprint.ana }]);
	});

	test('[A33] with the same places, a round not begun keeps the speaker on record', () => {
		expect(speakersOf(benOnRecord(), false)).toEqual([{ round: 1, participantId: sprint.ben }]);
	});

	test('[A33] once a turn was taken at its step, the round keeps its speaker', () => {
		expect(speakersOf(benOnRecord([sprint.ben]))).toEqual([
			{ round: 1, participantId: sprint.ben }
		]);
	});

	test('[A33] a round that is over is never drawn again', () => {
		const over = {
			...benOnRecord(),
			speakers: [
				{ round: 1, participantId: sprint.ben },
				{ round: 2, participantId: sprint.ana }
			]
		};
		expect(speakersOf(over)).toEqual(over.speakers);
	});

	test('[A33] a round not begun whose draw falls on its speaker comes back as it was', () => {
		const state = sprint.started();
		expect(takeTurns(state, sprint.playbook, [], { redraw: true })).toBe(state);
	});
});
