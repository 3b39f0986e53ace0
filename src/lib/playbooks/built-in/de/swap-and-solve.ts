import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const swapAndSolveDe: PlaybookTranslation = {
	title: 'Tauschen und lösen',
	summary:
		'Zu zweit knöpft ihr euch ein echtes Problem vor: eine Person schlägt vor, die andere hinterfragt – und bei jedem Schritt tauscht ihr.',
	purpose:
		'Üben, auf den Ideen der anderen aufzubauen und gut zu widersprechen – an einem Problem, das wirklich zählt.',
	outcomes: [
		'Fortschritt bei einem echten Problem',
		'Übung darin, konstruktiv vorzuschlagen und zu hinterfragen',
		'Ein gemeinsam vereinbarter nächster Schritt'
	],
	roles: [
		{
			name: 'Vorschlagende Person',
			brief: 'Bring kurz eine Idee oder einen nächsten Schritt ein.'
		},
		{
			name: 'Hinterfragende Person',
			brief:
				'Klopf die Idee ab, um sie stärker zu machen: Risiken, Annahmen, Alternativen. Nie die Person.'
		}
	],
	agreements: ['Wir hinterfragen Ideen, nie Menschen.', 'Erst „Ja, und …“, dann „Aber …“.'],
	phases: [
		{
			title: 'Das Problem umreißen',
			summary: 'Einigt euch in ein, zwei Sätzen darauf, welches Problem ihr löst.',
			instructions: {
				proposer: 'Beschreib das Problem und wie ein gutes Ergebnis aussieht.',
				challenger: 'Prüf die Fragestellung: Ist das wirklich das Problem?'
			},
			prompts: ['Das Problem ist …', 'Gelöst ist es, wenn …']
		},
		{
			title: 'Vorschlagen',
			summary: 'Die vorschlagende Person bringt eine Idee oder einen Schritt ein.',
			instructions: {
				proposer: 'Schlag eine konkrete Idee vor und sag, warum sie funktionieren könnte.',
				challenger:
					'Hör zu und fass die Idee in eigenen Worten zusammen, bevor du etwas anderes sagst.'
			},
			prompts: ['Was wäre, wenn wir …', 'Deine Idee ist also …']
		},
		{
			title: 'Hinterfragen',
			summary:
				'Die hinterfragende Person klopft die Idee ab; danach tauscht ihr die Rollen für den nächsten Schritt.',
			instructions: {
				proposer: 'Geh auf den Einwand ein oder verbessere die Idee.',
				challenger:
					'Nenn ein Risiko, eine Annahme und eine Möglichkeit, die Idee stärker zu machen.'
			},
			prompts: [
				'Was müsste dafür stimmen?',
				'Was könnte schiefgehen?',
				'Was würde sie stärker machen?'
			]
		},
		{
			title: 'Den nächsten Schritt festlegen',
			summary: 'Einigt euch, was ihr als Nächstes tatsächlich tut.',
			instructions: {
				proposer: 'Fass die stärkste Version der Idee zusammen.',
				challenger: 'Bestätige sie und halte fest, wer was bis wann macht.'
			},
			prompts: ['Als Nächstes werden wir …']
		}
	],
	debrief: [
		'Welcher Einwand hat die Idee am meisten verbessert?',
		'Wie hat sich der Rollentausch angefühlt?'
	],
	pitfalls: [
		{
			pitfall: 'Das Hinterfragen wird persönlich oder defensiv.',
			rescue: 'Formulier die Idee für sich allein („Der Vorschlag ist …“) und hinterfrag dann das.'
		},
		{
			pitfall: 'Immer dieselbe Person macht die Vorschläge.',
			rescue: 'Bleibt beim Tausch: Mit jeder Runde wechseln die Rollen.'
		}
	],
	closing: 'Ihr sagt beide den vereinbarten nächsten Schritt und wer ihn übernimmt.'
};
