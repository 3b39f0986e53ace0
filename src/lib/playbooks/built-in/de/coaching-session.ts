import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const coachingSessionDe: PlaybookTranslation = {
	title: 'Coaching-Gespräch (1:1)',
	summary:
		'Ein strukturiertes Einzelgespräch: Rückblick, ein Ziel für heute, Arbeit daran, Erkenntnisse und nächste Schritte und ein kurzer Abschluss – in weniger als einer Stunde.',
	purpose:
		'Eine Kollegin oder einen Kollegen bei einem eigenen Ziel voranbringen – mit Fragen statt mit Antworten.',
	outcomes: [
		'Ein klares Ziel für dieses Gespräch, zu Beginn vereinbart',
		'Konkrete nächste Schritte, die die gecoachte Person selbst gewählt hat',
		'Eine Notiz zu den Erkenntnissen, um beim nächsten Mal daran anzuknüpfen'
	],
	roles: [
		{
			name: 'Coach',
			brief:
				'Stell offene Fragen, spiegle zurück und behalte die Zeit im Blick. Die Antworten gehören der gecoachten Person.'
		},
		{
			name: 'Gecoachte Person',
			brief:
				'Bring ein eigenes Ziel oder eine Herausforderung mit und entscheide, was du damit machst.'
		}
	],
	agreements: [
		'Was hier gesagt wird, bleibt hier.',
		'Die gecoachte Person bestimmt den Fokus; wechselt er, sprechen wir das an und einigen uns.',
		'Wir bleiben unter einer Stunde.'
	],
	phases: [
		{
			title: 'Fragen zur Vorbereitung',
			summary:
				'Vor dem Start notiert die gecoachte Person kurz ihre Antworten auf ein paar Fragen.',
			instructions: {
				coach: 'Teil die Vorbereitungsfragen und gib der gecoachten Person Ruhe zum Nachdenken.',
				coachee:
					'Notier kurz, wie es gelaufen ist, welche Fortschritte du gemacht hast und was du heute möchtest.'
			},
			prompts: [
				'Wie ist es seit unserem letzten Gespräch gelaufen?',
				'Welche Fortschritte habe ich bei meinem Ziel gemacht?',
				'Was würde das heutige Gespräch für mich lohnend machen?'
			]
		},
		{
			title: 'Rückblick auf die letzten Schritte',
			summary:
				'Schaut auf die Schritte vom letzten Mal: was passiert ist und was ihr daraus lernt.',
			instructions: {
				coach: 'Frag nach jedem Schritt, ohne zu bewerten, ob er erledigt wurde.',
				coachee: 'Erzähl, was du getan hast, was dazwischenkam und was dir aufgefallen ist.'
			},
			prompts: [
				'Was hast du ausprobiert?',
				'Was ist dazwischengekommen?',
				'Was hast du über dich gelernt?'
			]
		},
		{
			title: 'Ein Ziel für dieses Gespräch',
			summary: 'Einigt euch auf ein Ziel für heute, klein genug, um jetzt voranzukommen.',
			instructions: {
				coach: 'Hilf, das Ziel einzugrenzen, bis ihr beide erkennen könntet, ob es erreicht ist.',
				coachee: 'Sag, mit welchem Ergebnis du aus diesem Gespräch gehen möchtest.'
			},
			prompts: ['Am Ende des Gesprächs möchte ich …', 'Woran merken wir, dass wir da sind?']
		},
		{
			title: 'Am Ziel arbeiten',
			summary:
				'Erkundet Möglichkeiten und Hindernisse; die gecoachte Person redet die meiste Zeit.',
			instructions: {
				coach:
					'Stell offene Fragen, spiegle zurück und sprich es an, wenn der Fokus abdriftet – dann entscheidet ihr, ob ihr wechselt oder zurückkehrt.',
				coachee: 'Denk laut nach; sag Bescheid, wenn du den Fokus wechseln möchtest.'
			},
			prompts: [
				'Welche Möglichkeiten hast du?',
				'Was hält dich wirklich davon ab?',
				'Was würdest du einer Freundin oder einem Freund raten?'
			]
		},
		{
			title: 'Erkenntnisse und nächste Schritte',
			summary: 'Haltet fest, was gelernt wurde und wozu sich die gecoachte Person verpflichtet.',
			instructions: {
				coach: 'Frag, was hängen geblieben ist und was die gecoachte Person bis wann tut.',
				coachee: 'Nenn eine Erkenntnis und ein bis drei Schritte mit Datum.'
			},
			prompts: ['Was ist dir heute besonders aufgefallen?', 'Was machst du, und bis wann?']
		},
		{
			title: 'Kurzer Abschluss',
			summary: 'Rundet kurz ab und vereinbart das nächste Treffen.',
			instructions: {
				coach:
					'Fass in zwei Sätzen zusammen und frag, wie das Gespräch für die gecoachte Person war.',
				coachee: 'Sag, was am hilfreichsten war und wovon du dir beim nächsten Mal mehr wünschst.'
			},
			prompts: ['Was war am hilfreichsten?', 'Wann treffen wir uns wieder?']
		}
	],
	debrief: [
		'Ist die gecoachte Person mit eigenen Schritten aus dem Gespräch gegangen?',
		'Wo hat der Coach Antworten gegeben, statt zu fragen?'
	],
	pitfalls: [
		{
			pitfall: 'Der Coach fängt an, das Problem selbst zu lösen.',
			rescue: 'Mach aus der Idee eine Frage: „Welche Möglichkeiten siehst du?“'
		},
		{
			pitfall: 'Der Fokus verschiebt sich, ohne dass es jemand merkt.',
			rescue:
				'Sprich es an: „Wir sind bei einem neuen Thema gelandet – bleiben wir hier oder gehen wir zurück?“'
		}
	],
	closing:
		'Die gecoachte Person liest ihre Schritte mit Datum vor; ihr vereinbart gemeinsam das nächste Gespräch.'
};
