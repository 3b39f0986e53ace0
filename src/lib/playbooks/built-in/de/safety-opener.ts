import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const safetyOpenerDe: PlaybookTranslation = {
	title: 'Sicherer Einstieg',
	summary:
		'Das Warm-up für ein neues Paar oder eine neue Runde: Vereinbarungen, ein Stärken-Blick, Absichten benennen und Zustimmung einholen.',
	purpose:
		'Den Druck rausnehmen, bevor es losgeht, damit sich alle trauen, neue Worte auszuprobieren, und sich schnell wieder fangen.',
	outcomes: [
		'Vereinbarungen, denen alle zugestimmt haben',
		'Alle kennen von jeder anderen Person eine Stärke',
		'Absichten benannt und Zustimmung eingeholt'
	],
	roles: [
		{
			name: 'Eröffnende Person',
			brief: 'Lies die Impulse laut vor und behalte die Zeit entspannt im Blick.'
		},
		{
			name: 'Teilnehmende Person',
			brief: 'Mach so weit mit, wie es sich für dich richtig anfühlt.'
		}
	],
	agreements: [
		'Was hier gesagt wird, bleibt hier.',
		'Teilen ist immer freiwillig; aussetzen ist völlig in Ordnung.',
		'Alle dürfen die Sitzung jederzeit anhalten.',
		'Wir sind neugierig und urteilen nicht.'
	],
	phases: [
		{
			title: 'Vereinbaren, wie wir arbeiten',
			summary: 'Lest die Vereinbarungen gemeinsam und ergänzt, was die Gruppe noch braucht.',
			instructions: {
				opener: 'Lies jede Vereinbarung vor und frag, ob jemand etwas ergänzen oder ändern möchte.',
				participant: 'Stimm zu oder sag, was du brauchst, um dich sicher zu fühlen.'
			},
			prompts: ['Was würde dir helfen, hier offen zu sprechen?']
		},
		{
			title: 'Stärken-Blick',
			summary: 'Alle nennen eine Stärke, die sie an einer anderen Person sehen.',
			instructions: {
				opener: 'Lade alle ein, eine konkrete Stärke einer anderen Person zu nennen.',
				participant: 'Nenn eine Stärke, die du in Aktion erlebt hast, mit einem kleinen Beispiel.'
			},
			prompts: ['Ich habe erlebt, wie du …', 'Was ich an dir bewundere, ist …']
		},
		{
			title: 'Absichten benennen',
			summary: 'Alle sagen, was sie sich vom gemeinsamen Üben wünschen.',
			instructions: {
				opener: 'Geht einmal reihum; ein Satz pro Person reicht.',
				participant: 'Sag, was du üben oder lernen möchtest.'
			},
			prompts: ['Besser werden möchte ich darin, …', 'Von dir als Übungspartner wünsche ich mir …']
		},
		{
			title: 'Zustimmung einholen',
			summary: 'Prüft, ob alle weitermachen möchten und wie sie am liebsten Feedback bekommen.',
			instructions: {
				opener:
					'Bitte jede Person um ein klares Ja und frag, wie sie Feedback am liebsten bekommt.',
				participant:
					'Sag „Ja“ oder „Heute nicht“ und eine Sache dazu, wie du Feedback am liebsten bekommst.'
			},
			prompts: ['Bist du dabei?', 'Feedback kann ich am besten annehmen, wenn …']
		}
	],
	debrief: [
		'Was hat es leichter gemacht, etwas zu sagen?',
		'Gibt es eine Vereinbarung, die wir beim nächsten Mal ergänzen sollten?'
	],
	pitfalls: [
		{
			pitfall: 'Jemand bleibt still und fühlt sich unter Druck gesetzt.',
			rescue: 'Erinnere alle daran, dass Aussetzen in Ordnung ist, und mach freundlich weiter.'
		}
	],
	closing: 'Alle sagen ein Wort dazu, wie es ihnen jetzt geht.'
};
