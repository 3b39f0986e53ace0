import type { PlaybookInput } from '../../protocol/playbook';

export const safetyOpener: PlaybookInput = {
	id: 'safety-opener',
	title: 'Safety Opener',
	summary:
		'The warm-up for a new pair or circle: agreements, a strengths scan, naming intentions and confirming consent.',
	purpose:
		'Lower the stakes before practice so that people risk trying new words and recover quickly.',
	outcomes: [
		'Agreements everyone has said yes to',
		'Each person knows one strength of every other',
		'Intentions named and consent confirmed'
	],
	skills: ['trust', 'empathy'],
	minutes: 15,
	difficulty: 'starter',
	groupSize: { min: 2, max: 12 },
	roles: [
		{ id: 'opener', name: 'Opener', brief: 'Read the prompts aloud and keep gentle time.' },
		{ id: 'participant', name: 'Participant', brief: 'Take part at whatever depth feels right.' }
	],
	rotation: 'none',
	rounds: 1,
	agreements: [
		'What is said here stays here.',
		'Sharing is always voluntary; passing is fine.',
		'Anyone may pause the session at any time.',
		'We are curious, not judging.'
	],
	phases: [
		{
			id: 'agreements',
			title: 'Agree how we work',
			durationSec: 180,
			summary: 'Read the agreements together and add any the group needs.',
			instructions: {
				opener: 'Read each agreement and ask if anyone wants to add or change one.',
				participant: 'Say yes, or suggest what you need to feel safe.'
			},
			prompts: ['What would help you speak freely here?']
		},
		{
			id: 'strengths',
			title: 'Strengths scan',
			durationSec: 300,
			summary: 'Each person names a strength they see in someone else.',
			instructions: {
				opener: 'Invite each person to name one specific strength of another.',
				participant: 'Name a strength you have seen in action, with a small example.'
			},
			prompts: ['I have seen you…', 'Something you do that I admire is…']
		},
		{
			id: 'intentions',
			title: 'Name intentions',
			durationSec: 240,
			summary: 'Each person says what they want from practising together.',
			instructions: {
				opener: 'Go round once; keep it to a sentence each.',
				participant: 'Say what you hope to practise or learn.'
			},
			prompts: ['What I want to get better at is…', 'What I want from you as a peer is…'],
			tool: 'notes'
		},
		{
			id: 'consent',
			title: 'Confirm consent',
			durationSec: 120,
			summary: 'Check that everyone is happy to go on, and how they like to receive feedback.',
			instructions: {
				opener: 'Ask each person for a clear yes, and how they prefer feedback.',
				participant: 'Say yes or not today, and one thing about how you like feedback.'
			},
			prompts: ['Are you in?', 'I take feedback best when…']
		}
	],
	debrief: ['What made it easier to speak?', 'Is there an agreement we should add next time?'],
	pitfalls: [
		{
			pitfall: 'Someone stays silent and feels pressured.',
			rescue: 'Remind everyone that passing is fine, and move on warmly.'
		}
	],
	closing: 'Everyone says one word for how they feel now.',
	author: 'Practice Room',
	version: '1.0.0',
	language: 'en'
};
