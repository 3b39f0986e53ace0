import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const gratitudeCircleDe: PlaybookTranslation = {
	title: 'Dankesrunde',
	summary:
		'Eine Runde mit konkreter Wertschätzung und Shout-outs – auch für die, die leise beitragen –, ganz ohne Rangliste.',
	purpose:
		'Üben und Einsatz anerkennen, damit alle dranbleiben, ohne daraus einen Wettbewerb zu machen.',
	outcomes: [
		'Alle haben konkrete Wertschätzung gehört',
		'Auch leise Beiträge wurden benannt',
		'Die Gruppe geht mit Energie fürs nächste Üben auseinander'
	],
	roles: [
		{
			name: 'Dankende Person',
			brief:
				'Du bist dran: Bedank dich konkret bei jemandem – wofür genau und was es möglich gemacht hat.'
		},
		{ name: 'Teil der Runde', brief: 'Hör zu und nimm Dank mit einem einfachen „Danke“ an.' }
	],
	agreements: [
		'Wertschätzung ist konkret: was jemand getan hat und was es möglich gemacht hat.',
		'Keine Rangliste, keine Vergleiche.',
		'Wer Dank bekommt, sagt einfach „Danke“.'
	],
	phases: [
		{
			title: 'Die Runde eröffnen',
			summary: 'Wer zuerst spricht, erklärt die Runde und gibt ein Beispiel.',
			instructions: {
				giver: 'Du fängst an: Gib ein Beispiel für konkrete Wertschätzung, um den Ton zu setzen.',
				member: 'Denk an jemanden, dessen Einsatz dir in letzter Zeit aufgefallen ist.'
			},
			prompts: ['Danke für …, denn das hat bedeutet, dass …']
		},
		{
			title: 'Wertschätzung',
			summary:
				'Wer an der Reihe ist, würdigt eine bestimmte Person; wer bedankt wird, sagt nur „Danke“.',
			instructions: {
				giver: 'Nenn die Person, was sie getan hat und was es möglich gemacht hat.',
				member: 'Hör zu; wenn dir gedankt wird, sag nur „Danke“.'
			},
			prompts: [
				'Jemand, der etwas Schwieriges geübt hat',
				'Ein leiser Beitrag, den andere vielleicht übersehen haben'
			]
		},
		{
			title: 'Stille Unterstützer',
			summary: 'Benennt Beiträge, die im Verborgenen passieren.',
			instructions: {
				giver: 'Frag, wer hinter den Kulissen geholfen hat.',
				member: 'Nenn jemanden, dessen Arbeit dir deine leichter gemacht hat.'
			},
			prompts: ['Wer hat dir diesen Monat etwas leichter gemacht?']
		},
		{
			title: 'Abschluss',
			summary: 'Alle sagen ein Wort dazu, wie es ihnen geht.',
			instructions: {
				giver: 'Sag ein Wort und bedank dich dann bei der Runde.',
				member: 'Sag ein Wort.'
			},
			prompts: ['Ein Wort für jetzt']
		}
	],
	debrief: ['Wurden alle genannt?', 'Wodurch hat sich die Wertschätzung echt angefühlt?'],
	pitfalls: [
		{
			pitfall: 'Der Dank wird allgemein („Super gemacht, alle zusammen“).',
			rescue: 'Frag nach: Was genau hat die Person getan, und was hat es möglich gemacht?'
		},
		{
			pitfall: 'Immer dieselben Leute bekommen die Shout-outs.',
			rescue: 'Wer als Nächstes spricht, nennt jemanden, der noch nicht erwähnt wurde.'
		}
	],
	closing: 'Alle sagen ein Wort, und die Runde bedankt sich gegenseitig.'
};
