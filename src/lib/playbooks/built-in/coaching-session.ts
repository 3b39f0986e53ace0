import type { PlaybookInput } from '../../protocol/playbook';

export const coachingSession: PlaybookInput = {
	id: 'coaching-session',
	title: 'Coaching Session (one-to-one)',
	summary:
		'A structured one-to-one: recap, a goal for today, working towards it, learning and actions, and a short close, in under an hour.',
	purpose:
		'Help a colleague make progress on a goal of their own through questions rather than answers.',
	outcomes: [
		'A clear goal for this session, agreed at the start',
		'Concrete next actions the coachee chose',
		'A note of what was learned, to pick up next time'
	],
	skills: ['coaching', 'listening'],
	minutes: 55,
	difficulty: 'practised',
	groupSize: { min: 2, max: 2 },
	roles: [
		{
			id: 'coach',
			name: 'Coach',
			brief: 'Ask open questions, reflect back, and keep time. The coachee owns the answers.'
		},
		{
			id: 'coachee',
			name: 'Coachee',
			brief: 'Bring a goal or a challenge of your own and decide what you will do about it.'
		}
	],
	rotation: 'none',
	rounds: 1,
	agreements: [
		'What is said here stays here.',
		'The coachee decides the focus; a change of focus is named and agreed.',
		'We keep the session under an hour.'
	],
	phases: [
		{
			id: 'prepare',
			title: 'Questions to prepare',
			durationSec: 300,
			summary: 'Before starting, the coachee jots answers to a few questions in the notes.',
			instructions: {
				coach: 'Share the preparation questions and give the coachee quiet time.',
				coachee:
					'Note briefly how things have gone, what progress you made, and what you want today.'
			},
			prompts: [
				'How have things been since we last spoke?',
				'What progress have I made towards my goal?',
				'What would make today worthwhile?'
			],
			tool: 'notes'
		},
		{
			id: 'recap',
			title: 'Recap past actions',
			durationSec: 480,
			summary: 'Look back at the actions from last time: what happened, and what it taught.',
			instructions: {
				coach: 'Ask about each past action without judging whether it was done.',
				coachee: 'Say what you did, what got in the way, and what you noticed.'
			},
			prompts: ['What did you try?', 'What got in the way?', 'What did you learn about yourself?']
		},
		{
			id: 'goal',
			title: 'A goal for this session',
			durationSec: 300,
			summary: 'Agree one goal for today, small enough to make progress on now.',
			instructions: {
				coach: 'Help narrow the goal until you both could tell whether it was reached.',
				coachee: 'Say what you want to leave this session with.'
			},
			prompts: ['By the end of today I want…', 'How will we know we got there?']
		},
		{
			id: 'work',
			title: 'Work towards the goal',
			durationSec: 1200,
			summary: 'Explore options and obstacles; the coachee does most of the talking.',
			instructions: {
				coach:
					'Ask open questions, reflect back, and name it aloud if the focus drifts so you can agree to change it or return.',
				coachee: 'Think out loud; say so if you want to change focus.'
			},
			prompts: [
				'What options do you have?',
				'What is really stopping you?',
				'What would you advise a friend?'
			],
			tool: 'notes'
		},
		{
			id: 'learning',
			title: 'Learning and actions',
			durationSec: 480,
			summary: 'Capture what was learned and the actions the coachee commits to.',
			instructions: {
				coach: 'Ask what stood out and what the coachee will do, by when.',
				coachee: 'Name one learning and one to three actions with dates.'
			},
			prompts: ['What stood out for you today?', 'What will you do, and by when?'],
			tool: 'commitment'
		},
		{
			id: 'close',
			title: 'Short conclusion',
			durationSec: 240,
			summary: 'Wrap up briefly and agree when you will meet next.',
			instructions: {
				coach: 'Summarise in two sentences and ask how the session was for the coachee.',
				coachee: 'Say what was most useful and what you would like more of next time.'
			},
			prompts: ['What was most useful?', 'When do we meet next?'],
			tool: 'reflection'
		}
	],
	debrief: [
		'Did the coachee leave with their own actions?',
		'Where did the coach give answers instead of asking?'
	],
	pitfalls: [
		{
			pitfall: 'The coach starts solving the problem.',
			rescue: 'Turn the idea into a question: “what options do you see?”'
		},
		{
			pitfall: 'The focus drifts without anyone noticing.',
			rescue: 'Name it: “we have moved to a new topic — shall we stay here or go back?”'
		}
	],
	closing: 'The coachee reads their actions aloud with dates; both agree the next session.',
	author: 'Practice Room',
	version: '1.0.0',
	language: 'en'
};
