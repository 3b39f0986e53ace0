import type { PlaybookInput } from '../../protocol/playbook';

export const feedbackThatLands: PlaybookInput = {
	id: 'feedback-that-lands',
	title: 'Feedback That Lands',
	summary:
		'Rehearse a real piece of feedback as Situation, Behaviour, Impact and a forward-looking ask, and practise receiving it well.',
	purpose:
		'Turn a piece of feedback you have been putting off into words you can say calmly, and book the real conversation.',
	outcomes: [
		'A feedback message in four short parts, rehearsed out loud',
		'Practice in receiving feedback: a breath, a paraphrase, thanks',
		'A real conversation scheduled within 48 hours, with a follow-up reflection'
	],
	skills: ['feedback', 'empathy'],
	minutes: 30,
	difficulty: 'practised',
	groupSize: { min: 2, max: 2 },
	roles: [
		{
			id: 'giver',
			name: 'Giver',
			brief:
				'Bring a real piece of feedback for someone at work and shape it into words you can say.'
		},
		{
			id: 'receiver',
			name: 'Receiver',
			brief: 'Play the person who hears it, honestly, then help the giver sharpen the words.'
		}
	],
	rotation: 'swap-each-round',
	rounds: 2,
	agreements: [
		'The people we talk about stay anonymous here.',
		'We rehearse words, not judge people.',
		'Either of us may pause at any time.'
	],
	phases: [
		{
			id: 'choose',
			turnBy: ['giver'],
			title: 'Choose the conversation',
			durationSec: 180,
			summary: 'The giver names a real piece of feedback they want to give, without names.',
			instructions: {
				giver: 'Describe the situation briefly and what you hope changes.',
				receiver: 'Ask one question that helps the giver be specific about the moment.'
			},
			prompts: ['Which moment, exactly?', 'What do you hope will be different next time?']
		},
		{
			id: 'draft',
			turnBy: ['giver'],
			title: 'Draft Situation, Behaviour, Impact and ask',
			durationSec: 300,
			summary: 'Together, put the message into four short parts.',
			instructions: {
				giver:
					'Write the situation, the behaviour you saw, its impact, and one request for the future.',
				receiver: 'Point out judgements hiding in the behaviour part; suggest observable words.'
			},
			prompts: [
				'Situation: when and where?',
				'Behaviour: what would a camera have recorded?',
				'Impact: what did it cause, for whom?',
				'Ask: what would you like from now on?'
			],
			tool: 'feedback-builder',
			repeatsPerRound: true
		},
		{
			id: 'rehearse',
			turnBy: ['receiver'],
			title: 'Say it out loud',
			durationSec: 240,
			summary:
				'The giver asks permission, then delivers the message; the receiver responds as the real person might.',
			instructions: {
				giver:
					'Start with a permission check (“can I share something I noticed?”), then say it calmly.',
				receiver:
					'Respond naturally, then practise receiving: breathe, paraphrase what you heard, say thanks.'
			},
			prompts: [
				'Is now a good moment to share something?',
				'What I heard is…',
				'Thank you for telling me.'
			],
			tool: 'feedback-builder',
			repeatsPerRound: true
		},
		{
			id: 'tune',
			turnBy: ['giver'],
			title: 'Tune the words and tone',
			durationSec: 180,
			summary: 'Swap notes on what landed and adjust the wording.',
			instructions: {
				giver: 'Ask which words raised defences and which opened the door.',
				receiver: 'Name the one word or phrase to change, and how the tone came across.'
			},
			prompts: ['Which word would you drop?', 'Did the ask sound like a request or a demand?'],
			repeatsPerRound: true
		},
		{
			id: 'schedule',
			turnBy: ['giver', 'receiver'],
			title: 'Book the real conversation',
			durationSec: 180,
			summary: 'Pick a time within 48 hours and plan a short reflection afterwards.',
			instructions: {
				giver:
					'Choose when and where you will have the conversation, and when you will reflect on it.',
				receiver: 'Agree when you will check in on how it went.'
			},
			prompts: ['When exactly?', 'How will you open the conversation?'],
			tool: 'commitment'
		}
	],
	debrief: ['What made the feedback easier to hear?', 'What did receiving it well look like?'],
	pitfalls: [
		{
			pitfall: 'The behaviour part is a judgement (“you were rude”).',
			rescue: 'Ask “what did they actually say or do?” and write only that.'
		},
		{
			pitfall: 'The ask is vague (“be better”).',
			rescue: 'Make it something the person could do tomorrow.'
		}
	],
	closing:
		'The giver says the date and time of the real conversation aloud; the receiver writes it down.',
	author: 'Practice Room',
	version: '1.1.0',
	language: 'en'
};
