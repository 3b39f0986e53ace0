import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const fiveMinuteWinDe: PlaybookTranslation = {
	title: 'Fünf-Minuten-Erfolg',
	summary: 'Direkt nach einem Meeting: ein Verhalten, eine Beobachtung, ein nächster Schritt.',
	purpose: 'Üben zur kleinen Gewohnheit machen, die zwischen zwei Meetings passt.',
	outcomes: [
		'Eine Beobachtung zu einem Verhalten, das du ausprobiert hast',
		'Ein nächster Schritt für das nächste Meeting'
	],
	roles: [
		{ name: 'Übende Person', brief: 'Nenn das Verhalten, das du im Meeting ausprobiert hast.' },
		{
			name: 'Beobachtende Person',
			brief: 'Erzähl, was dir aufgefallen ist – wohlwollend und konkret.'
		}
	],
	agreements: ['Wohlwollend und konkret – oder gar nicht.', 'Was hier gesagt wird, bleibt hier.'],
	phases: [
		{
			title: 'Ein Verhalten',
			summary: 'Die übende Person nennt das Verhalten, das sie ausprobiert hat.',
			instructions: {
				practiser:
					'Beschreib das Verhalten in einem Satz, z. B. „Ich habe erst zusammengefasst und dann widersprochen“.',
				observer: 'Hör zu; noch keine Fragen.'
			},
			prompts: ['In dem Meeting habe ich ausprobiert, …']
		},
		{
			title: 'Eine Beobachtung',
			summary: 'Die beobachtende Person teilt eine Sache, die ihr aufgefallen ist.',
			instructions: {
				practiser: 'Hör zu und bedank dich; keine Rechtfertigung.',
				observer:
					'Beschreib einen Moment, der dir aufgefallen ist, und wie er auf die Runde gewirkt hat.'
			},
			prompts: ['Als du …, ist mir aufgefallen, dass …']
		},
		{
			title: 'Ein nächster Schritt',
			summary: 'Die übende Person entscheidet, was sie im nächsten Meeting ausprobiert.',
			instructions: {
				practiser: 'Nenn einen nächsten Schritt, der klein genug fürs nächste Mal ist.',
				observer: 'Wiederhol ihn, damit er hängen bleibt.'
			},
			prompts: ['Beim nächsten Mal werde ich …']
		}
	],
	debrief: ['War die Beobachtung konkret genug, um etwas damit anzufangen?'],
	pitfalls: [
		{
			pitfall: 'Es wird eine Nachbesprechung des ganzen Meetings.',
			rescue: 'Zurück zu dem einen Verhalten; der Rest kann warten.'
		}
	],
	closing: 'Die übende Person sagt den nächsten Schritt noch einmal laut.'
};
