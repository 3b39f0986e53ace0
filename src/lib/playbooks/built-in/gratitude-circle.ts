import type { PlaybookInput } from '../../protocol/playbook';

export const gratitudeCircle: PlaybookInput = {
	id: 'gratitude-circle',
	title: 'Gratitude Circle',
	summary:
		'A round of specific appreciation and shout-outs, including for quiet contributors, with no ranking.',
	purpose:
		'Recognise practice and effort so that people keep going, without turning it into a contest.',
	outcomes: [
		'Everyone has heard specific appreciation',
		'Quiet contributions have been named',
		'The group leaves with energy for the next practice'
	],
	skills: ['recognition', 'trust'],
	minutes: 20,
	difficulty: 'starter',
	groupSize: { min: 3, max: 12 },
	roles: [
		{
			id: 'giver',
			name: 'Giver',
			brief: 'Your turn: thank someone specifically, for what they did and what it made possible.'
		},
		{ id: 'member', name: 'Member', brief: 'Listen, and receive thanks with a simple thank you.' }
	],
	rotation: 'round-robin',
	speakerRole: 'giver',
	// Everyone gives thanks once, however many come or go: the round runs once per person.
	roundPerPerson: true,
	rounds: 4,
	agreements: [
		'Appreciation is specific: what someone did and what it made possible.',
		'No ranking and no comparison.',
		'Receiving is a simple thank you.'
	],
	phases: [
		{
			id: 'open',
			title: 'Open the circle',
			durationSec: 120,
			summary: 'Whoever speaks first explains the round and gives an example.',
			instructions: {
				giver: 'You speak first: give one example of specific appreciation to set the tone.',
				member: 'Think of someone whose effort you noticed recently.'
			},
			prompts: ['Thank you for…, because it meant…']
		},
		{
			id: 'round',
			title: 'Appreciation',
			durationSec: 120,
			summary:
				'The person whose turn it is appreciates someone specific; the person thanked says only thank you.',
			instructions: {
				giver: 'Name the person, what they did, and what it made possible.',
				member: 'Listen; if you are thanked, say only thank you.'
			},
			prompts: [
				'Someone who practised something hard',
				'A quiet contribution others may have missed'
			],
			tool: 'notes',
			repeatsPerRound: true
		},
		{
			id: 'quiet',
			title: 'Quiet contributors',
			durationSec: 240,
			summary: 'Name contributions that happen out of sight.',
			instructions: {
				giver: 'Ask who has helped behind the scenes.',
				member: 'Name someone whose work made yours easier.'
			},
			prompts: ['Who made something easier for you this month?']
		},
		{
			id: 'close',
			title: 'Close',
			durationSec: 120,
			summary: 'Each person says one word about how they feel.',
			instructions: { giver: 'Share one word, then thank the circle.', member: 'Share one word.' },
			prompts: ['One word for now'],
			tool: 'reflection'
		}
	],
	debrief: ['Did everyone get named?', 'What made appreciation feel genuine?'],
	pitfalls: [
		{
			pitfall: 'Thanks become generic (“great job everyone”).',
			rescue: 'Ask: what exactly did they do, and what did it make possible?'
		},
		{
			pitfall: 'The same people get all the shout-outs.',
			rescue: 'Whoever speaks next names someone not yet mentioned.'
		}
	],
	closing: 'Everyone shares one word and the circle thanks each other.',
	author: 'Practice Room',
	version: '1.1.0',
	language: 'en'
};
