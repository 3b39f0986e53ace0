import type { PlaybookInput } from '../../protocol/playbook';

export const fiveMinuteWin: PlaybookInput = {
	id: 'five-minute-win',
	title: 'Five-Minute Win',
	summary: 'Right after a meeting: one behaviour, one observation, one next step.',
	purpose: 'Make practice a small habit that fits between meetings.',
	outcomes: ['One observation about a behaviour you tried', 'One next step for the next meeting'],
	skills: ['feedback', 'listening'],
	minutes: 5,
	difficulty: 'starter',
	groupSize: { min: 2, max: 2 },
	roles: [
		{ id: 'practiser', name: 'Practiser', brief: 'Name the behaviour you tried in the meeting.' },
		{ id: 'observer', name: 'Observer', brief: 'Share what you saw, kindly and specifically.' }
	],
	rotation: 'none',
	rounds: 1,
	agreements: ['Kind and specific, or not at all.', 'What is said here stays here.'],
	phases: [
		{
			id: 'behaviour',
			title: 'One behaviour',
			durationSec: 60,
			summary: 'The practiser names the behaviour they tried.',
			instructions: {
				practiser: 'Say the behaviour in one sentence, e.g. “I paraphrased before disagreeing”.',
				observer: 'Listen; ask nothing yet.'
			},
			prompts: ['In that meeting I tried…']
		},
		{
			id: 'observation',
			title: 'One observation',
			durationSec: 120,
			summary: 'The observer shares one thing they saw.',
			instructions: {
				practiser: 'Listen and thank; no defending.',
				observer: 'Describe one moment you noticed and its effect on the room.'
			},
			prompts: ['When you…, I noticed…']
		},
		{
			id: 'next-step',
			title: 'One next step',
			durationSec: 120,
			summary: 'The practiser picks what to try at the next meeting.',
			instructions: {
				practiser: 'Name one next step, small enough to do next time.',
				observer: 'Say it back so it sticks.'
			},
			prompts: ['Next time I will…'],
			tool: 'commitment'
		}
	],
	debrief: ['Was the observation specific enough to act on?'],
	pitfalls: [
		{
			pitfall: 'It turns into a meeting post-mortem.',
			rescue: 'Come back to the one behaviour; the rest can wait.'
		}
	],
	closing: 'The practiser says the next step aloud once more.',
	author: 'Practice Room',
	version: '1.0.0',
	language: 'en'
};
