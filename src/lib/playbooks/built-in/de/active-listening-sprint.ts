import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const activeListeningSprintDe: PlaybookTranslation = {
	title: 'Sprint Aktives Zuhören',
	summary:
		'Erzählt euch abwechselnd drei Minuten lang eine Geschichte; die andere Person spiegelt Gefühle, Beweggründe und Bedürfnisse – ganz ohne Ratschläge.',
	purpose:
		'Sich angewöhnen, erst herauszuhören, was jemand fühlt, will und braucht, bevor man nach einer Lösung greift.',
	outcomes: [
		'Ihr habt beide geübt, Gefühle, Beweggründe und Bedürfnisse in eigenen Worten zu spiegeln',
		'Ihr wisst beide, wie verstanden sich die andere Person gefühlt hat – und warum',
		'Eine kleine Veränderung beim Zuhören, die du im Stand-up morgen ausprobierst'
	],
	roles: [
		{
			name: 'Erzählende Person',
			brief:
				'Erzähl eine kurze, echte Geschichte aus deinem Arbeitsalltag, die dich noch beschäftigt. Teile nur, was sich für dich gut anfühlt.'
		},
		{
			name: 'Zuhörende Person',
			brief:
				'Hör darauf, was die andere Person fühlt, will und braucht, und spiegle es zurück. Nicht lösen, nicht bewerten, keine Tipps.'
		}
	],
	agreements: [
		'Was hier gesagt wird, bleibt hier.',
		'Jede Person teilt nur, was sie teilen möchte.',
		'Wir dürfen jederzeit eine Pause machen, ohne das zu begründen.',
		'Wir bleiben neugierig, statt zu urteilen.'
	],
	adviceHints: [
		'du solltest',
		'du musst',
		'warum nicht einfach',
		'hast du schon mal versucht',
		'hast du schon versucht',
		'versuch doch mal',
		'an deiner stelle',
		'mein rat',
		'mein tipp',
		'du könntest ja'
	],
	phases: [
		{
			title: 'Ankommen',
			summary: 'Klärt, wie ihr zusammenarbeitet, bevor jemand eine Geschichte erzählt.',
			instructions: {
				speaker:
					'Sag laut, dass alles Gesagte hierbleibt und dass ihr beide jederzeit pausieren dürft.',
				listener: 'Bestätige die Vereinbarung und versprich, zuzuhören, ohne Ratschläge zu geben.'
			},
			prompts: ['Was bleibt in diesem Raum?', 'Woran merken wir, dass jemand eine Pause braucht?']
		},
		{
			title: 'Die Geschichte erzählen',
			summary:
				'Die erzählende Person schildert einen Moment aus der Arbeit; die andere hört nur zu.',
			instructions: {
				speaker:
					'Beschreib eine Situation aus letzter Zeit, die etwas in dir ausgelöst hat: was passiert ist und was es dir bedeutet.',
				listener:
					'Hör zu, ohne zu unterbrechen. Achte auf Worte mit Gefühl darin und darauf, was die andere Person sich wünscht.'
			},
			prompts: [
				'Ein Moment diese Woche, der dich geärgert oder beflügelt hat',
				'Ein Gespräch, das dir nicht aus dem Kopf geht',
				'Eine Entscheidung, bei der du dir noch unsicher bist'
			]
		},
		{
			title: 'Zurückspiegeln',
			summary:
				'Die zuhörende Person gibt Gefühle, Beweggründe und Bedürfnisse in eigenen Worten wieder; die erzählende korrigiert behutsam.',
			instructions: {
				speaker:
					'Hör dir die Zusammenfassung an. Sag, was passt und was nicht – ohne den Versuch zu bewerten.',
				listener:
					'Sag in deinen eigenen Worten, was die andere Person gefühlt hat, was sie angetrieben hat und was sie braucht. Keine Ratschläge.'
			},
			prompts: [
				'Klingt, als hättest du dich … gefühlt',
				'Am wichtigsten war dir …',
				'Was du jetzt brauchst, ist …'
			]
		},
		{
			title: 'Kurz still werden',
			summary: 'Ihr seid beide einen Moment still.',
			instructions: {
				speaker: 'Spür nach, wie es war, dass dir jemand zuhört, und was dein Körper dir sagt.',
				listener:
					'Achte darauf, welche Annahmen du beim Zuhören getroffen hast und was dir Haltung und Stimme der anderen Person verraten haben.'
			},
			prompts: ['Was habe ich angenommen?', 'Was habe ich ohne Worte wahrgenommen?']
		},
		{
			title: 'Wie verstanden hast du dich gefühlt?',
			summary:
				'Die erzählende Person sagt, wie verstanden sie sich gefühlt hat, von 1 (gar nicht) bis 5 (voll und ganz), und was angekommen ist.',
			instructions: {
				speaker:
					'Nenn eine Zahl von 1 bis 5 und eine Sache, durch die du dich gehört gefühlt hast.',
				listener:
					'Nimm die Bewertung mit einem Danke an. Frag, was einen Punkt mehr gebracht hätte.'
			},
			prompts: ['Was hat am meisten geholfen?', 'Was hätte einen Punkt mehr gebracht?']
		},
		{
			title: 'Eine kleine Anpassung',
			summary:
				'Ihr nehmt euch beide eine kleine Zuhör-Gewohnheit vor, die ihr vor dem Stand-up morgen ausprobiert.',
			instructions: {
				speaker:
					'Nenn eine kleine Veränderung beim Zuhören und sag genau, wann du sie ausprobierst.',
				listener:
					'Nenn eine kleine Veränderung beim Zuhören und sag genau, wann du sie ausprobierst.'
			},
			prompts: [
				'Eine Pause zwei Sekunden länger aushalten',
				'Erst ein Gefühl benennen, dann eine Frage stellen',
				'„Was brauchst du?“ fragen, statt eine Lösung anzubieten'
			]
		}
	],
	debrief: [
		'Wann wolltest du am liebsten einen Rat geben – und was hast du stattdessen getan?',
		'Bei welcher Zusammenfassung hat die erzählende Person genickt?'
	],
	pitfalls: [
		{
			pitfall: 'Die zuhörende Person rutscht in Ratschläge („Hast du schon mal versucht …?“).',
			rescue: 'Kurz innehalten, „Ich versuch’s noch mal“ sagen und stattdessen ein Gefühl benennen.'
		},
		{
			pitfall: 'Die Geschichte ist zu groß oder zu aufwühlend für drei Minuten.',
			rescue:
				'Nimm einen kleineren Moment – die Übung funktioniert mit ganz alltäglichen Situationen.'
		}
	],
	closing:
		'Ihr sagt beide laut, welche Anpassung ihr ausprobiert und wann; die andere Person wiederholt es.'
};
