import type { z } from 'zod';
import type { playbookSchema } from '../protocol/playbook';

/** Pairs take turns telling a short story and reflecting it back without advice. */
export const activeListeningSprint: z.input<typeof playbookSchema> = {
	id: 'active-listening-sprint',
	title: 'Active Listening Sprint',
	summary:
		'Take turns telling a three-minute story while your peer reflects feelings, motives and needs back to you, with no advice.',
	skills: ['listening', 'empathy'],
	minutes: 20,
	groupSize: { min: 2, max: 2 },
	roles: [
		{
			id: 'speaker',
			name: 'Speaker',
			brief:
				'Tell a short, real story from work that still matters to you. Share only what you are comfortable sharing.'
		},
		{
			id: 'listener',
			name: 'Listener',
			brief:
				'Listen for what the speaker feels, wants and needs. Reflect it back; do not fix, judge or advise.'
		}
	],
	phases: [
		{
			id: 'settle',
			title: 'Settle in',
			durationSec: 60,
			summary: 'Agree how you will work together before anyone shares a story.',
			instructions: {
				speaker:
					'Say out loud that what is shared here stays here, and that either of you may pause at any time.',
				listener:
					'Confirm the agreement and tell the speaker you will listen without giving advice.'
			},
			prompts: ['What stays in this room?', 'How will we signal a pause?']
		},
		{
			id: 'story',
			title: 'Tell the story',
			durationSec: 180,
			summary: 'The speaker tells a recent work moment; the listener only listens.',
			instructions: {
				speaker:
					'Describe a recent situation at work that stirred something in you: what happened, and what it meant to you.',
				listener:
					'Listen without interrupting. Notice words that carry feeling, and what the speaker seems to want.'
			},
			prompts: [
				'A moment this week that frustrated or energised you',
				'A conversation you keep replaying',
				'A decision you are still unsure about'
			]
		},
		{
			id: 'paraphrase',
			title: 'Reflect it back',
			durationSec: 120,
			summary: 'The listener paraphrases feelings, motives and needs; the speaker corrects gently.',
			instructions: {
				speaker:
					'Listen to the reflection. Say what fits and what does not, without judging the attempt.',
				listener:
					'Put into your own words what the speaker felt, what drove them and what they need. Use the notes to gather your thoughts; no advice.'
			},
			prompts: [
				'It sounds like you felt…',
				'What mattered most to you was…',
				'What you need now is…'
			]
		},
		{
			id: 'silence',
			title: 'A short silence',
			durationSec: 30,
			summary: 'Both stay quiet for a moment.',
			instructions: {
				speaker: 'Notice how it felt to be listened to, and what your body is telling you.',
				listener:
					'Notice the assumptions you made while listening, and what the speaker’s posture and voice told you.'
			},
			prompts: ['What did I assume?', 'What did I notice without words?']
		},
		{
			id: 'rating',
			title: 'How understood did you feel?',
			durationSec: 60,
			summary:
				'The speaker says how understood they felt, from 1 (not at all) to 5 (completely), and what landed.',
			instructions: {
				speaker:
					'Give a number from 1 to 5 and name one thing the listener did that helped you feel heard.',
				listener: 'Receive the rating with thanks. Ask what would have made it one point higher.'
			},
			prompts: ['What helped most?', 'What would have made it one point higher?']
		},
		{
			id: 'swap',
			title: 'Swap and go again',
			durationSec: 420,
			summary: 'Change roles and run the story, reflection, silence and rating once more.',
			instructions: {
				speaker:
					'You listened last round: now tell your story, and rate how understood you felt at the end.',
				listener:
					'You spoke last round: now listen and reflect feelings, motives and needs, with no advice.'
			},
			prompts: ['Story: three minutes', 'Reflection: two minutes', 'Silence, then a rating']
		},
		{
			id: 'micro-adjustment',
			title: 'One micro-adjustment',
			durationSec: 90,
			summary: 'Each of you picks one small listening habit to try before tomorrow’s stand-up.',
			instructions: {
				speaker: 'Name one small change to how you listen, and when exactly you will try it.',
				listener: 'Name one small change to how you listen, and when exactly you will try it.'
			},
			prompts: [
				'Let a silence last two seconds longer',
				'Name a feeling before asking a question',
				'Ask “what do you need?” instead of offering a fix'
			]
		}
	],
	version: '1.0.0',
	author: 'Practice Room'
};
