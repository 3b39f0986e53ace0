import { describe, expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { feedbackThatLands } from '../playbooks/built-in/feedback-that-lands';
import type { ControlState } from '../protocol/control';
import { playbookSchema } from '../protocol/playbook';
import { goLive, startTurns } from './async-schedule';
import { initialControlState, type ControlResult } from './control';
import { answerMissed, feedbackTurnTool } from './feedback-turns';

const feedback = playbookSchema.parse(feedbackThatLands);
const sprint = playbookSchema.parse(activeListeningSprint);
const T0 = Date.UTC(2026, 2, 28, 12);
const [ana, ben] = ['ana-00001', 'ben-00002'] as const;
// Feedback That Lands: 0 choose, 1 draft, 2 rehearse (receiver), 3 tune (giver), 4 schedule.
const [CHOOSE, DRAFT, REHEARSE, TUNE, SCHEDULE] = [0, 1, 2, 3, 4];

function ok(result: ControlResult): ControlState {
	if (!result.ok) throw new Error(result.error.message);
	return result.state;
}
const live: ControlState = {
	...initialControlState(feedback),
	people: { [ana]: { name: 'Ana', roleId: 'giver' }, [ben]: { name: 'Ben', roleId: 'receiver' } },
	agreed: [ana, ben]
};
const onTurns = ok(startTurns(live, feedback, {}, T0));

describe('[A20] [A21] the feedback rehearsal as turns', () => {
	test('the receiver answers on their rehearsal turn and the giver rates the match on the next', () => {
		expect(feedbackTurnTool(feedback, onTurns, REHEARSE)).toBe('answer');
		expect(feedbackTurnTool(feedback, onTurns, TUNE)).toBe('rate');
	});

	test('every other step recalls the rounds rated so far', () => {
		for (const phase of [CHOOSE, DRAFT, SCHEDULE]) {
			expect(feedbackTurnTool(feedback, onTurns, phase)).toBe('recap');
		}
	});

	test('a room gone live for a while keeps the answers and ratings in view', () => {
		expect(feedbackTurnTool(feedback, ok(goLive(onTurns, feedback, [ana, ben])), TUNE)).toBe(
			'rate'
		);
	});

	test('a live room says it all aloud: nothing is added', () => {
		expect(feedbackTurnTool(feedback, live, REHEARSE)).toBeUndefined();
	});

	test('a playbook without a receiver’s feedback turn adds nothing', () => {
		expect(feedbackTurnTool(sprint, onTurns, 2)).toBeUndefined();
	});

	test('without a giver’s turn after the answer, nobody is asked to rate the match', () => {
		const phases = feedback.phases.map((phase, index) =>
			index === TUNE ? { ...phase, turnBy: ['receiver'] } : phase
		);
		expect(feedbackTurnTool({ ...feedback, phases }, onTurns, TUNE)).toBe('recap');
	});
});

describe('[A6] [A21] a receiver who missed their answer turn', () => {
	const missedAt = (phaseIndex: number, round = 1): Pick<ControlState, 'async'> => ({
		async: onTurns.async && {
			...onTurns.async,
			missed: [{ phaseIndex, round, personIds: [ben] }]
		}
	});
	const nothing = { round: 1, heard: '', voiced: false };

	test('left nothing to rate when the turn passed with nothing heard', () => {
		expect(answerMissed(feedback, missedAt(REHEARSE), nothing)).toBe(true);
	});

	test('words or a clip left before the deadline are an answer', () => {
		expect(answerMissed(feedback, missedAt(REHEARSE), { ...nothing, heard: 'You' })).toBe(false);
		expect(answerMissed(feedback, missedAt(REHEARSE), { ...nothing, voiced: true })).toBe(false);
	});

	test('a turn taken, or missed in another step or round, is not a missed answer', () => {
		expect(answerMissed(feedback, onTurns, nothing)).toBe(false);
		expect(answerMissed(feedback, missedAt(TUNE), nothing)).toBe(false);
		expect(answerMissed(feedback, missedAt(REHEARSE, 2), nothing)).toBe(false);
		expect(answerMissed(feedback, live, nothing)).toBe(false);
	});
});
