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
		{ id: 'host', name: 'Host', brief: 'Open the circle, keep the round moving, close warmly.' },
		{ id: 'member', name: 'Member', brief: 'Give specific thanks and receive them simply.' }
	],
	rotation: 'round-robin',
	rounds: 1,
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
			summary: 'The host explains the round and gives an example.',
			instructions: {
				host: 'Give one example of specific appreciation to set the tone.',
				member: 'Think of someone whose effort you noticed recently.'
			},
			prompts: ['Thank you for…, because it meant…']
		},
		{
			id: 'round',
			title: 'Round of appreciation',
			durationSec: 720,
			summary: 'Each person appreciates someone specific; the person thanked says only thank you.',
			instructions: {
				host: 'Make sure everyone speaks and everyone is named at least once.',
				member: 'Name the person, what they did, and what it made possible.'
			},
			prompts: [
				'Someone who practised something hard',
				'A quiet contribution others may have missed'
			],
			tool: 'notes'
		},
		{
			id: 'quiet',
			title: 'Quiet contributors',
			durationSec: 240,
			summary: 'Name contributions that happen out of sight.',
			instructions: {
				host: 'Ask who has helped behind the scenes.',
				member: 'Name someone whose work made yours easier.'
			},
			prompts: ['Who made something easier for you this month?']
		},
		{
			id: 'close',
			title: 'Close',
			durationSec: 120,
			summary: 'Each person says one word about how they feel.',
			instructions: { host: 'Close with thanks to everyone.', member: 'Share one word.' },
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
			rescue: 'The host names someone not yet mentioned.'
		}
	],
	closing: 'Everyone shares one word; the host thanks the circle.',
	author: 'Practice Room',
	version: '1.0.0'
};
