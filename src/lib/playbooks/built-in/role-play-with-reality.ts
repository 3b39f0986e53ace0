import type { PlaybookInput } from '../../protocol/playbook';

export const rolePlayWithReality: PlaybookInput = {
	id: 'role-play-with-reality',
	title: 'Role-Play with Reality',
	summary:
		'Bring a real email, ticket or slide and rehearse the hard conversation around it, pausing and rewinding to try other words.',
	purpose:
		'Find the language, posture and timing that work for a difficult exchange before it happens.',
	outcomes: [
		'Phrases that worked, captured word for word',
		'A sense of where emotions shifted in the conversation',
		'Two sentences ready to reuse in the real exchange'
	],
	skills: ['feedback', 'collaboration', 'empathy'],
	minutes: 40,
	difficulty: 'advanced',
	groupSize: { min: 2, max: 3 },
	roles: [
		{
			id: 'practitioner',
			name: 'Practitioner',
			brief: 'Bring the artifact and try out your words, tone and timing.'
		},
		{
			id: 'counterpart',
			name: 'Counterpart',
			brief: 'Play the colleague on the other side, realistically but not cruelly.'
		},
		{
			id: 'observer',
			name: 'Observer',
			brief: 'Watch for phrases that land and moments where the mood changes; keep the notes.'
		}
	],
	rotation: 'round-robin',
	rounds: 1,
	agreements: [
		'The artifact and the people in it stay in this room.',
		'The counterpart plays a role; nothing said is personal.',
		'Anyone may call pause or rewind at any time.'
	],
	phases: [
		{
			id: 'set-scene',
			turnBy: ['practitioner'],
			title: 'Set the scene',
			durationSec: 300,
			summary: 'The practitioner shares the artifact and what makes the conversation hard.',
			instructions: {
				practitioner:
					'Show the email, ticket or slide and describe the colleague and what is at stake.',
				counterpart: 'Ask what the colleague cares about and how they usually react.',
				observer: 'Note what the practitioner most wants from the conversation.'
			},
			prompts: ['What does the other person want?', 'What is the hardest sentence to say?']
		},
		{
			id: 'play',
			turnBy: ['practitioner', 'counterpart'],
			title: 'Play it, pause and rewind',
			durationSec: 900,
			summary: 'Run the conversation; anyone can pause and rewind to try another line.',
			instructions: {
				practitioner: 'Try your opening; when a line falls flat, call rewind and try another.',
				counterpart: 'React as the real colleague might; soften or push back as they would.',
				observer: 'Capture lines that worked and moments where the mood shifted.'
			},
			prompts: [
				'Rewind: say that another way',
				'What if you slowed down here?',
				'Try it standing, then sitting'
			],
			tool: 'script'
		},
		{
			id: 'harvest',
			turnBy: ['practitioner', 'counterpart', 'observer'],
			title: 'Harvest what worked',
			durationSec: 420,
			summary: 'Go through the script together and mark the phrases worth keeping.',
			instructions: {
				practitioner: 'Say which lines felt true to you.',
				counterpart: 'Say which lines made you, in role, soften or listen.',
				observer: 'Read back the emotional shifts you noticed.'
			},
			prompts: ['Which line changed the mood?', 'Where did posture or timing matter?'],
			tool: 'notes'
		},
		{
			id: 'two-sentences',
			turnBy: ['practitioner', 'counterpart', 'observer'],
			title: 'Two sentences to reuse',
			durationSec: 300,
			summary: 'The practitioner writes two sentences to use word for word next time.',
			instructions: {
				practitioner: 'Write your two sentences and say them aloud once more.',
				counterpart: 'Hear them as the colleague and say how they land.',
				observer: 'Check they are short enough to remember.'
			},
			prompts: ['An opening sentence', 'A sentence for the hardest moment'],
			tool: 'two-sentences'
		}
	],
	debrief: [
		'What surprised you about the counterpart’s reactions?',
		'What will you do differently with your body or pace?'
	],
	pitfalls: [
		{
			pitfall: 'The counterpart plays a caricature and the practice feels unreal.',
			rescue: 'Pause and ask the practitioner how the real person would answer.'
		},
		{
			pitfall: 'Nobody rewinds, so only one version is tried.',
			rescue: 'The observer calls a rewind after the first tough reply.'
		}
	],
	closing:
		'The practitioner reads the two sentences aloud and names when the real conversation will happen.',
	author: 'Practice Room',
	version: '1.1.0',
	language: 'en'
};
