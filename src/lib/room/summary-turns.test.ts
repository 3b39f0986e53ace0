import { describe, expect, test } from 'vitest';
import type { AsyncState } from '../protocol/control';
import { asyncState } from './async-schedule.fixture';
import { summaryMarkdown } from './summary-markdown';
import { emptySummary, T0 } from './summary.fixture';
import {
	summarizeTurns,
	turnsMarkdownSections,
	type TurnsSummary,
	type TurnsSummaryInput
} from './summary-turns';

const [ana, ben, cy] = ['ana-0001', 'ben-0002', 'cyd-0003'] as const;
const people = {
	[ana]: { name: 'Ana', roleId: 'giver' },
	[ben]: { name: 'Ben', roleId: 'receiver' }
};
const roles = [{ id: 'giver' }, { id: 'receiver' }];
const phases = [
	{ id: 'choose', title: 'Choose' },
	{ id: 'rehearse', title: 'Rehearse', repeatsPerRound: true },
	{ id: 'schedule', title: 'Book it' }
];
const schedule = (missed: AsyncState['missed']) => asyncState({ missed });
const noContent = { answers: [], shoutOuts: [] };

/** The Markdown export of `turns`, in English, after an empty summary's own sections. */
const markdownOf = (turns: TurnsSummary, rounds: number) =>
	summaryMarkdown(emptySummary, () => 'then', 'en', turnsMarkdownSections(turns, rounds, 'en'));

function summarize(overrides: Partial<TurnsSummaryInput> = {}) {
	return summarizeTurns({
		playbook: { roles, phases },
		control: { people, async: null },
		content: noContent,
		rounds: 2,
		locale: 'en',
		...overrides
	});
}

describe('[A6] [A22] missed turns in the summary', () => {
	test('lists each turn not taken with its step and who did not take it', () => {
		const missed = [
			{ phaseIndex: 1, round: 2, personIds: [ben] },
			{ phaseIndex: 2, round: 2, personIds: [ana, ben] }
		];
		expect(summarize({ control: { people, async: schedule(missed) } }).missedTurns).toEqual([
			{ step: 'Rehearse, round 2', names: 'Ben' },
			{ step: 'Book it', names: 'Ana and Ben' }
		]);
	});

	test('a session of one round names no round, as the rest of the summary', () => {
		const missed = [{ phaseIndex: 1, round: 1, personIds: [ben] }];
		const turns = summarize({ control: { people, async: schedule(missed) }, rounds: 1 });
		expect(turns.missedTurns).toEqual([{ step: 'Rehearse', names: 'Ben' }]);
	});

	test('names someone who left the room as such, in the reader’s language', () => {
		const missed = [{ phaseIndex: 0, round: 1, personIds: [cy] }];
		const turns = summarize({ control: { people, async: schedule(missed) }, locale: 'de' });
		expect(turns.missedTurns).toEqual([{ step: 'Choose', names: 'Jemand, der gegangen ist' }]);
	});

	test('a room that never ran as turns, or missed nothing, lists none', () => {
		expect(summarize().missedTurns).toEqual([]);
		expect(summarize({ control: { people, async: schedule([]) } }).missedTurns).toEqual([]);
	});
});

describe('[A22] [A23] answers, matches and shout-outs in the summary', () => {
	const match = { participantId: ana, value: 4, word: 'close', at: T0 };
	const shoutOut = {
		id: 'shout-0001',
		fromParticipantId: ben,
		fromName: 'B.',
		toParticipantId: ana,
		behaviour: 'You asked before sharing',
		kindUnderPressure: true,
		at: T0
	};
	const content = {
		answers: [
			{ round: 1, heard: 'You want to be asked first', voiced: false, match },
			{ round: 2, heard: '', voiced: true, match: undefined }
		],
		shoutOuts: [shoutOut]
	};

	test('lists each round’s answer with the giver’s rating, leaving out empty rounds', () => {
		expect(summarize({ content }).feedbackAnswers).toEqual([
			{
				round: 1,
				heard: 'You want to be asked first',
				match: 'Matched 4 of 5 (mostly): “close”',
				missed: false
			}
		]);
	});

	test('lists shout-outs with the names the room recorded', () => {
		expect(summarize({ content }).shoutOuts).toEqual([
			{ from: 'Ben', to: 'Ana', behaviour: 'You asked before sharing', kindUnderPressure: true }
		]);
	});

	test('the Markdown export carries the answer, the shout-out and the missed turn', () => {
		const missed = [{ phaseIndex: 1, round: 2, personIds: [ben] }];
		const turns = summarize({ content, control: { people, async: schedule(missed) } });
		const markdown = markdownOf(turns, 2);
		expect(markdown).toContain(
			[
				'## What was heard, and how it matched',
				'',
				'- “You want to be asked first” · Matched 4 of 5 (mostly): “close” (round 1)',
				'',
				'## Shout-outs',
				'',
				'- **Ben to Ana**: You asked before sharing (Kindness under pressure)',
				'',
				'## Turns not taken',
				'',
				'- Rehearse, round 2: Ben'
			].join('\n')
		);
	});

	test('the export leaves out the sections with nothing in them', () => {
		const markdown = markdownOf(summarize(), 1);
		expect(markdown).not.toContain('Turns not taken');
		expect(markdown).not.toContain('Shout-outs');
	});

	test('a round whose receiver missed their answer turn says no match was rated', () => {
		// The receiver's answer: a feedback builder as the receiver's turn, the giver's after it.
		const turnPhases = [
			{ id: 'draft', title: 'Draft' },
			{ id: 'rehearse', title: 'Rehearse', tool: 'feedback-builder', turnBy: ['receiver'] },
			{ id: 'tune', title: 'Tune', turnBy: ['giver'] }
		];
		const missed = [{ phaseIndex: 1, round: 1, personIds: [ben] }];
		const turns = summarize({
			playbook: { roles, phases: turnPhases },
			control: { people, async: schedule(missed) },
			content: {
				answers: [{ round: 1, heard: '', voiced: false, match: undefined }],
				shoutOuts: []
			}
		});
		expect(turns.feedbackAnswers).toEqual([
			{ round: 1, heard: '', match: undefined, missed: true }
		]);
		const markdown = markdownOf(turns, 1);
		expect(markdown).toContain(
			[
				'## What was heard, and how it matched',
				'',
				'- Not answered (turn missed): no match was rated.'
			].join('\n')
		);
	});
});
