import type { PlaybookInput } from '../../protocol/playbook';

export const activeListeningSprint: PlaybookInput = {
	id: 'active-listening-sprint',
	title: 'Active Listening Sprint',
	summary:
		'Take turns telling a three-minute story while your peer reflects feelings, motives and needs back to you, with no advice.',
	purpose:
		'Build the habit of listening for what a colleague feels, wants and needs before reaching for a solution.',
	outcomes: [
		'Each of you has practised paraphrasing feelings, motives and needs',
		'Each of you knows how understood the other felt, and why',
		'One small listening change to try at tomorrow’s stand-up'
	],
	skills: ['listening', 'empathy'],
	minutes: 20,
	difficulty: 'starter',
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
	rotation: 'swap-each-round',
	rounds: 2,
	agreements: [
		'What is said here stays here.',
		'Share only what you choose to share.',
		'Either of us may pause at any time, without explaining why.',
		'We stay curious rather than judging.'
	],
	phases: [
		{
			id: 'settle',
			title: 'Settle in',
			durationSec: 60,
			summary: 'Agree how you will work together before anyone shares a story.',
			instructions: {
				speaker: 'Say out loud that what is shared stays here, and that either of you may pause.',
				listener: 'Confirm the agreement and promise to listen without giving advice.'
			},
			prompts: ['What stays in this room?', 'How will we signal a pause?']
		},
		{
			id: 'story',
			turnBy: ['speaker'],
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
			],
			repeatsPerRound: true
		},
		{
			id: 'paraphrase',
			turnBy: ['listener'],
			title: 'Reflect it back',
			durationSec: 120,
			summary: 'The listener paraphrases feelings, motives and needs; the speaker corrects gently.',
			instructions: {
				speaker:
					'Listen to the reflection. Say what fits and what does not, without judging the attempt.',
				listener:
					'Put into your own words what the speaker felt, what drove them and what they need. No advice.'
			},
			prompts: [
				'It sounds like you felt…',
				'What mattered most to you was…',
				'What you need now is…'
			],
			tool: 'paraphrase',
			repeatsPerRound: true
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
			prompts: ['What did I assume?', 'What did I notice without words?'],
			tool: 'silence',
			repeatsPerRound: true
		},
		{
			id: 'rating',
			turnBy: ['speaker'],
			title: 'How understood did you feel?',
			durationSec: 60,
			summary:
				'The speaker says how understood they felt, from 1 (not at all) to 5 (completely), and what landed.',
			instructions: {
				speaker:
					'Give a number from 1 to 5 and name one thing the listener did that helped you feel heard.',
				listener: 'Receive the rating with thanks. Ask what would have made it one point higher.'
			},
			prompts: ['What helped most?', 'What would have made it one point higher?'],
			tool: 'rating',
			repeatsPerRound: true
		},
		{
			id: 'micro-adjustment',
			turnBy: ['speaker', 'listener'],
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
			],
			tool: 'commitment'
		}
	],
	debrief: [
		'When did you most want to give advice, and what did you do instead?',
		'Which reflection made the speaker nod?'
	],
	pitfalls: [
		{
			pitfall: 'The listener slips into advice (“have you tried…”).',
			rescue: 'Pause, say “let me try that again”, and name a feeling instead.'
		},
		{
			pitfall: 'The story is too big or too raw for three minutes.',
			rescue: 'Pick a smaller moment; the drill works on everyday situations.'
		}
	],
	closing:
		'Each says their micro-adjustment aloud and when they will try it; the other repeats it back.',
	author: 'Practice Room',
	version: '1.2.0',
	language: 'en'
};
