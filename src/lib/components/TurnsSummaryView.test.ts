import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import TurnsSummaryView from './TurnsSummaryView.svelte';

const turns = {
	feedbackAnswers: [
		{ round: 2, heard: 'You want <b>credit</b>', match: 'Matched 4 of 5 (mostly)', missed: false },
		{ round: 3, heard: '', match: undefined, missed: true }
	],
	missedTurns: [{ step: 'Say it out loud, round 2', names: 'Ada' }]
};

describe('[A22] the summary of turns', () => {
	test('lists what was heard with its match, and who did not take which turn', () => {
		const { body } = render(TurnsSummaryView, { props: { turns, rounds: 2 } });
		expect(body).toContain('What was heard, and how it matched');
		expect(body).toContain('Round 2');
		expect(body).toContain('You want &lt;b>credit&lt;/b>');
		expect(body).toContain('Matched 4 of 5 (mostly)');
		// A receiver who missed their turn: the round says no match was rated.
		expect(body).toContain('Round 3');
		expect(body).toContain('Not answered (turn missed): no match was rated.');
		expect(body).toContain('Turns not taken');
		expect(body).toContain('Say it out loud, round 2: Ada');
	});

	test('shows nothing for a session without answers or missed turns', () => {
		const { body } = render(TurnsSummaryView, {
			props: { turns: { feedbackAnswers: [], missedTurns: [] }, rounds: 1 }
		});
		expect(body).not.toContain('<section');
	});
});
