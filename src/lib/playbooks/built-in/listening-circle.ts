import type { PlaybookInput } from '../../protocol/playbook';

export const listeningCircle: PlaybookInput = {
	id: 'listening-circle',
	title: 'Listening Circle',
	summary:
		'A circle of three to twelve takes turns: one speaks, one reflects, the others observe and name what helped.',
	purpose:
		'Practise listening in a group without a facilitator: everyone speaks once, reflects once and watches how listening lands.',
	outcomes: [
		'Everyone has spoken and been reflected back',
		'Observers have named what made the speaker feel heard',
		'One listening habit per person to take to the next meeting'
	],
	skills: ['listening', 'empathy', 'collaboration'],
	minutes: 40,
	difficulty: 'practised',
	groupSize: { min: 3, max: 12 },
	roles: [
		{
			id: 'speaker',
			name: 'Speaker',
			brief: 'Share a short, real moment from work. Only what you are comfortable sharing.'
		},
		{
			id: 'listener',
			name: 'Listener',
			brief: 'Listen fully, then reflect feelings, motives and needs back. No advice.'
		},
		{
			id: 'observer',
			name: 'Observer',
			brief: 'Watch the listening: what made the speaker nod, relax or say more?'
		}
	],
	rotation: 'round-robin',
	speakerRole: 'speaker',
	// Everyone speaks once, however many come or go: the rounds follow the people present.
	roundPerPerson: true,
	rounds: 4,
	agreements: [
		'What is said in the circle stays in the circle.',
		'Share only what you choose to share.',
		'Anyone may pause the circle at any time, without saying why.',
		'Observers describe what they saw, not what they would have done.'
	],
	phases: [
		{
			id: 'arrive',
			title: 'Arrive',
			durationSec: 120,
			summary: 'Everyone says their name and one word for how they arrive today.',
			instructions: {
				speaker: 'Start the round: your name and one word.',
				listener: 'Say your name and one word when it is your turn.',
				observer: 'Say your name and one word when it is your turn.'
			},
			prompts: ['One word for how I arrive', 'What I need from this circle']
		},
		{
			id: 'share',
			title: 'Share a moment',
			durationSec: 150,
			summary: 'The speaker shares a moment from work; everyone else only listens.',
			instructions: {
				speaker: 'Tell a recent moment that mattered to you: what happened and what it meant.',
				listener: 'Listen without interrupting. Notice feelings, motives and needs.',
				observer: 'Watch the listener: eyes, posture, silences. Note what seems to help.'
			},
			prompts: ['A moment that surprised me', 'A conversation I keep thinking about'],
			repeatsPerRound: true
		},
		{
			id: 'reflect',
			title: 'Reflect it back',
			durationSec: 120,
			summary: 'The listener reflects what they heard; the speaker says what fits.',
			instructions: {
				speaker: 'Say what fits and what does not, kindly.',
				listener: 'Reflect feelings, motives and needs in your own words. No advice.',
				observer: 'Note the words that made the speaker nod.'
			},
			prompts: ['It sounds like you felt…', 'What mattered to you was…', 'What you need is…'],
			tool: 'paraphrase',
			repeatsPerRound: true
		},
		{
			id: 'observe',
			title: 'What the observers saw',
			durationSec: 120,
			summary: 'Observers name one thing that helped the speaker feel heard.',
			instructions: {
				speaker: 'Listen to the observations; say which one matches your experience.',
				listener: 'Listen and thank; no need to explain yourself.',
				observer: 'Name one specific thing you saw that helped. Share your notes if you like.'
			},
			prompts: ['What helped most was…', 'The moment the speaker relaxed was…'],
			repeatsPerRound: true
		},
		{
			id: 'close',
			title: 'Close the circle',
			durationSec: 180,
			summary: 'Each person names one listening habit to take to their next meeting.',
			instructions: {
				speaker: 'Name your habit and when you will try it.',
				listener: 'Name your habit and when you will try it.',
				observer: 'Name your habit and when you will try it.'
			},
			prompts: ['In my next meeting I will…'],
			tool: 'commitment'
		}
	],
	debrief: [
		'What made you feel heard today?',
		'What was hardest about only listening?',
		'What did observing teach you about your own listening?'
	],
	pitfalls: [
		{
			pitfall: 'The circle drifts into giving advice to the speaker.',
			rescue: 'Anyone can say "back to reflecting" and the listener tries again.'
		},
		{
			pitfall: 'Someone late or leaving breaks the order.',
			rescue: 'The room adapts the rotation; the next person in the circle speaks.'
		}
	],
	closing: 'Go round the circle: everyone says their habit aloud; the next person repeats it back.',
	author: 'Practice Room',
	version: '1.1.0',
	language: 'en'
};
