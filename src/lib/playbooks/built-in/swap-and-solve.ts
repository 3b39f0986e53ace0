import type { PlaybookInput } from '../../protocol/playbook';

export const swapAndSolve: PlaybookInput = {
	id: 'swap-and-solve',
	title: 'Swap and Solve',
	summary:
		'Two colleagues work a real problem; one proposes and the other challenges, and the roles reverse at each step.',
	purpose:
		'Practise building on each other’s ideas and disagreeing well, on a problem that matters.',
	outcomes: [
		'Progress on a real problem',
		'Practice both proposing and challenging constructively',
		'An agreed next step'
	],
	skills: ['collaboration', 'problem-solving', 'feedback'],
	minutes: 30,
	difficulty: 'practised',
	groupSize: { min: 2, max: 2 },
	roles: [
		{ id: 'proposer', name: 'Proposer', brief: 'Put forward an idea or a next step, briefly.' },
		{
			id: 'challenger',
			name: 'Challenger',
			brief:
				'Question the idea to make it stronger: risks, assumptions, alternatives. Never the person.'
		}
	],
	rotation: 'swap-each-round',
	rounds: 3,
	agreements: ['We challenge ideas, never people.', 'We build with “yes, and” before “but”.'],
	phases: [
		{
			id: 'frame',
			title: 'Frame the problem',
			durationSec: 300,
			summary: 'Agree in one or two sentences what problem you are solving.',
			instructions: {
				proposer: 'State the problem and what a good outcome looks like.',
				challenger: 'Check the framing: is this the real problem?'
			},
			prompts: ['The problem is…', 'We will know it is solved when…'],
			tool: 'notes'
		},
		{
			id: 'propose',
			title: 'Propose',
			durationSec: 240,
			summary: 'The proposer puts forward one idea or step.',
			instructions: {
				proposer: 'Propose one concrete idea and why it could work.',
				challenger: 'Listen and paraphrase the idea before anything else.'
			},
			prompts: ['What if we…', 'So your idea is…'],
			repeatsPerRound: true
		},
		{
			id: 'challenge',
			title: 'Challenge',
			durationSec: 240,
			summary: 'The challenger tests the idea; then roles reverse for the next step.',
			instructions: {
				proposer: 'Answer the challenge, or improve the idea.',
				challenger: 'Name one risk, one assumption, and one way to make it stronger.'
			},
			prompts: [
				'What would have to be true?',
				'What could go wrong?',
				'What would make it stronger?'
			],
			repeatsPerRound: true
		},
		{
			id: 'decide',
			title: 'Decide the next step',
			durationSec: 180,
			summary: 'Agree what you will actually do next.',
			instructions: {
				proposer: 'Summarise the strongest version of the idea.',
				challenger: 'Confirm, and name who does what by when.'
			},
			prompts: ['Next, we will…'],
			tool: 'commitment'
		}
	],
	debrief: ['Which challenge improved the idea most?', 'How did it feel to switch roles?'],
	pitfalls: [
		{
			pitfall: 'The challenge turns personal or defensive.',
			rescue: 'Restate the idea on its own (“the proposal is…”), then challenge that.'
		},
		{
			pitfall: 'One person proposes every time.',
			rescue: 'Stick to the swap: roles reverse at each round.'
		}
	],
	closing: 'Both say the agreed next step and its owner.',
	author: 'Practice Room',
	version: '1.0.0',
	language: 'en'
};
