import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const rolePlayWithRealityDe: PlaybookTranslation = {
	title: 'Rollenspiel mit echtem Material',
	summary:
		'Bring eine echte E-Mail, ein Ticket oder eine Folie mit und probt das schwierige Gespräch dazu – mit Pause und Zurückspulen, um andere Worte auszuprobieren.',
	purpose:
		'Die Sprache, Haltung und das Timing für ein schwieriges Gespräch finden, bevor es stattfindet.',
	outcomes: [
		'Formulierungen, die funktioniert haben, Wort für Wort festgehalten',
		'Ein Gespür dafür, wo im Gespräch die Stimmung gekippt ist',
		'Zwei Sätze, die du im echten Gespräch wieder verwenden kannst'
	],
	roles: [
		{
			name: 'Übende Person',
			brief: 'Bring das Material mit und probier deine Worte, deinen Ton und dein Timing aus.'
		},
		{
			name: 'Gegenüber',
			brief:
				'Spiel die Kollegin oder den Kollegen auf der anderen Seite – realistisch, aber nicht gemein.'
		},
		{
			name: 'Beobachtende Person',
			brief:
				'Achte auf Formulierungen, die ankommen, und auf Momente, in denen die Stimmung kippt; führ die Notizen.'
		}
	],
	agreements: [
		'Das Material und die Menschen darin bleiben in diesem Raum.',
		'Das Gegenüber spielt eine Rolle; nichts davon ist persönlich gemeint.',
		'Alle dürfen jederzeit „Pause“ oder „Zurückspulen“ sagen.'
	],
	phases: [
		{
			title: 'Die Szene aufbauen',
			summary:
				'Die übende Person zeigt das Material und erklärt, was das Gespräch schwierig macht.',
			instructions: {
				practitioner:
					'Zeig die E-Mail, das Ticket oder die Folie und beschreib die Person und was auf dem Spiel steht.',
				counterpart: 'Frag, was der Person wichtig ist und wie sie normalerweise reagiert.',
				observer: 'Notier, was sich die übende Person am meisten von dem Gespräch wünscht.'
			},
			prompts: ['Was will die andere Person?', 'Welcher Satz fällt dir am schwersten?']
		},
		{
			title: 'Spielen, anhalten, zurückspulen',
			summary:
				'Spielt das Gespräch durch; alle dürfen anhalten und zurückspulen, um einen anderen Satz auszuprobieren.',
			instructions: {
				practitioner:
					'Probier deinen Einstieg; wenn ein Satz nicht zündet, ruf „Zurückspulen“ und versuch einen anderen.',
				counterpart:
					'Reagier so, wie die echte Person es vielleicht täte: lenk ein oder halte dagegen, wie sie es tun würde.',
				observer:
					'Halte Sätze fest, die funktioniert haben, und Momente, in denen die Stimmung kippte.'
			},
			prompts: [
				'Zurückspulen: Sag das noch mal anders',
				'Was, wenn du hier langsamer wirst?',
				'Probier es im Stehen, dann im Sitzen'
			]
		},
		{
			title: 'Ernten, was funktioniert hat',
			summary:
				'Geht das Skript gemeinsam durch und markiert die Formulierungen, die ihr behalten wollt.',
			instructions: {
				practitioner: 'Sag, welche Sätze sich für dich stimmig angefühlt haben.',
				counterpart: 'Sag, bei welchen Sätzen du in deiner Rolle eingelenkt oder zugehört hast.',
				observer: 'Lies die Stimmungswechsel vor, die dir aufgefallen sind.'
			},
			prompts: [
				'Welcher Satz hat die Stimmung verändert?',
				'Wo haben Haltung oder Timing eine Rolle gespielt?'
			]
		},
		{
			title: 'Zwei Sätze zum Mitnehmen',
			summary:
				'Die übende Person schreibt zwei Sätze auf, die sie beim nächsten Mal wortwörtlich verwendet.',
			instructions: {
				practitioner: 'Schreib deine zwei Sätze auf und sag sie noch einmal laut.',
				counterpart: 'Hör sie dir als die echte Person an und sag, wie sie ankommen.',
				observer: 'Prüf, ob sie kurz genug sind, um sie sich zu merken.'
			},
			prompts: ['Ein Satz für den Einstieg', 'Ein Satz für den schwierigsten Moment']
		}
	],
	debrief: [
		'Was hat dich an den Reaktionen des Gegenübers überrascht?',
		'Was machst du mit deiner Körpersprache oder deinem Tempo anders?'
	],
	pitfalls: [
		{
			pitfall: 'Das Gegenüber spielt eine Karikatur, und die Übung wirkt unecht.',
			rescue: 'Anhalten und die übende Person fragen, wie die echte Person antworten würde.'
		},
		{
			pitfall: 'Niemand spult zurück, also wird nur eine Version ausprobiert.',
			rescue: 'Die beobachtende Person ruft nach der ersten harten Antwort „Zurückspulen“.'
		}
	],
	closing:
		'Die übende Person liest die zwei Sätze laut vor und sagt, wann das echte Gespräch stattfindet.'
};
