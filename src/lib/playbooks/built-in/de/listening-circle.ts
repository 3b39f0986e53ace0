import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const listeningCircleDe: PlaybookTranslation = {
	title: 'Zuhörkreis',
	summary:
		'Ein Kreis aus drei bis zwölf Leuten wechselt sich ab: eine Person erzählt, eine spiegelt, die anderen beobachten und benennen, was geholfen hat.',
	purpose:
		'Zuhören in der Gruppe üben, ohne Moderation: Alle erzählen einmal, spiegeln einmal und sehen, wie Zuhören ankommt.',
	outcomes: [
		'Alle haben erzählt und sich gespiegelt gehört',
		'Die Beobachtenden haben benannt, wodurch sich die erzählende Person gehört gefühlt hat',
		'Eine Zuhör-Gewohnheit pro Person für das nächste Meeting'
	],
	roles: [
		{
			name: 'Erzählende Person',
			brief: 'Teil einen kurzen, echten Moment aus der Arbeit. Nur so viel, wie sich gut anfühlt.'
		},
		{
			name: 'Zuhörende Person',
			brief: 'Hör ganz zu und spiegle dann Gefühle, Beweggründe und Bedürfnisse. Keine Ratschläge.'
		},
		{
			name: 'Beobachtende Person',
			brief:
				'Beobachte das Zuhören: Wann hat die erzählende Person genickt, sich entspannt oder mehr erzählt?'
		}
	],
	agreements: [
		'Was im Kreis gesagt wird, bleibt im Kreis.',
		'Jede Person teilt nur, was sie teilen möchte.',
		'Alle dürfen den Kreis jederzeit anhalten, ohne das zu begründen.',
		'Wer beobachtet, beschreibt, was zu sehen war – nicht, was man selbst getan hätte.'
	],
	adviceHints: [
		'du solltest',
		'du musst',
		'warum nicht einfach',
		'hast du schon versucht',
		'versuch doch mal',
		'an deiner stelle',
		'mein rat',
		'mein tipp'
	],
	phases: [
		{
			title: 'Ankommen',
			summary: 'Alle sagen ihren Namen und ein Wort dazu, wie sie heute ankommen.',
			instructions: {
				speaker: 'Eröffne die Runde: dein Name und ein Wort.',
				listener: 'Sag deinen Namen und ein Wort, wenn du dran bist.',
				observer: 'Sag deinen Namen und ein Wort, wenn du dran bist.'
			},
			prompts: ['Ein Wort dafür, wie ich ankomme', 'Was ich von diesem Kreis brauche']
		},
		{
			title: 'Einen Moment teilen',
			summary:
				'Die erzählende Person teilt einen Moment aus der Arbeit; alle anderen hören nur zu.',
			instructions: {
				speaker:
					'Erzähl von einem Moment aus letzter Zeit, der dir wichtig war: was passiert ist und was er dir bedeutet.',
				listener: 'Hör zu, ohne zu unterbrechen. Achte auf Gefühle, Beweggründe und Bedürfnisse.',
				observer:
					'Beobachte die zuhörende Person: Blick, Haltung, Pausen. Notier, was zu helfen scheint.'
			},
			prompts: ['Ein Moment, der mich überrascht hat', 'Ein Gespräch, das mir nachgeht']
		},
		{
			title: 'Zurückspiegeln',
			summary: 'Die zuhörende Person spiegelt, was sie gehört hat; die erzählende sagt, was passt.',
			instructions: {
				speaker: 'Sag freundlich, was passt und was nicht.',
				listener:
					'Spiegle Gefühle, Beweggründe und Bedürfnisse in deinen eigenen Worten. Keine Ratschläge.',
				observer: 'Notier die Worte, bei denen die erzählende Person genickt hat.'
			},
			prompts: [
				'Klingt, als hättest du dich … gefühlt',
				'Wichtig war dir …',
				'Was du brauchst, ist …'
			]
		},
		{
			title: 'Was die Beobachtenden gesehen haben',
			summary:
				'Die Beobachtenden nennen eine Sache, durch die sich die erzählende Person gehört gefühlt hat.',
			instructions: {
				speaker: 'Hör dir die Beobachtungen an und sag, welche zu deinem Erleben passt.',
				listener: 'Hör zu und bedank dich; du musst dich nicht erklären.',
				observer:
					'Nenn eine konkrete Sache, die du gesehen hast und die geholfen hat. Teil gern deine Notizen.'
			},
			prompts: ['Am meisten geholfen hat …', 'Entspannt hat sich die erzählende Person, als …']
		},
		{
			title: 'Den Kreis schließen',
			summary: 'Alle nennen eine Zuhör-Gewohnheit, die sie ins nächste Meeting mitnehmen.',
			instructions: {
				speaker: 'Nenn deine Gewohnheit und wann du sie ausprobierst.',
				listener: 'Nenn deine Gewohnheit und wann du sie ausprobierst.',
				observer: 'Nenn deine Gewohnheit und wann du sie ausprobierst.'
			},
			prompts: ['In meinem nächsten Meeting werde ich …']
		}
	],
	debrief: [
		'Wodurch hast du dich heute gehört gefühlt?',
		'Was war am schwersten daran, nur zuzuhören?',
		'Was hast du beim Beobachten über dein eigenes Zuhören gelernt?'
	],
	pitfalls: [
		{
			pitfall: 'Der Kreis fängt an, der erzählenden Person Ratschläge zu geben.',
			rescue:
				'Alle dürfen „Zurück zum Spiegeln“ sagen, und die zuhörende Person versucht es noch einmal.'
		},
		{
			pitfall: 'Jemand kommt später oder geht früher und die Reihenfolge gerät durcheinander.',
			rescue: 'Der Raum passt die Reihenfolge an; die nächste Person im Kreis erzählt.'
		}
	],
	closing: 'Reihum sagen alle ihre Gewohnheit laut; die nächste Person im Kreis wiederholt sie.'
};
