import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const feedbackThatLandsDe: PlaybookTranslation = {
	title: 'Feedback, das ankommt',
	summary:
		'Übt ein echtes Feedback als Situation, Verhalten, Wirkung und Bitte für die Zukunft – und übt, Feedback gut anzunehmen.',
	purpose:
		'Ein Feedback, das du schon länger vor dir herschiebst, in Worte fassen, die du ruhig sagen kannst – und das echte Gespräch festmachen.',
	outcomes: [
		'Eine Feedback-Botschaft in vier kurzen Teilen, laut geübt',
		'Übung darin, Feedback anzunehmen: durchatmen, in eigenen Worten wiederholen, danke sagen',
		'Ein echtes Gespräch innerhalb von 48 Stunden im Kalender, mit einer kurzen Reflexion danach'
	],
	roles: [
		{
			name: 'Feedback-Gebende',
			brief:
				'Bring ein echtes Feedback für jemanden auf der Arbeit mit und forme es zu Worten, die du sagen kannst.'
		},
		{
			name: 'Feedback-Nehmende',
			brief:
				'Spiel ehrlich die Person, die das Feedback hört, und hilf danach, die Worte zu schärfen.'
		}
	],
	agreements: [
		'Die Menschen, über die wir sprechen, bleiben hier anonym.',
		'Wir üben Worte und beurteilen keine Menschen.',
		'Wir dürfen beide jederzeit eine Pause machen.'
	],
	phases: [
		{
			title: 'Das Gespräch auswählen',
			summary: 'Wer Feedback geben will, beschreibt ein echtes Anliegen – ohne Namen.',
			instructions: {
				giver: 'Beschreib kurz die Situation und was sich deiner Meinung nach ändern soll.',
				receiver: 'Stell eine Frage, die hilft, den Moment genau zu benennen.'
			},
			prompts: ['Welcher Moment genau?', 'Was soll beim nächsten Mal anders sein?']
		},
		{
			title: 'Situation, Verhalten, Wirkung und Bitte entwerfen',
			summary: 'Bringt die Botschaft gemeinsam in vier kurze Teile.',
			instructions: {
				giver:
					'Schreib die Situation auf, das Verhalten, das du beobachtet hast, seine Wirkung und eine Bitte für die Zukunft.',
				receiver:
					'Zeig auf, wo sich im Verhaltensteil eine Bewertung versteckt, und schlag beobachtbare Worte vor.'
			},
			prompts: [
				'Situation: wann und wo?',
				'Verhalten: Was hätte eine Kamera aufgezeichnet?',
				'Wirkung: Was hat es ausgelöst, und bei wem?',
				'Bitte: Was wünschst du dir ab jetzt?'
			]
		},
		{
			title: 'Laut aussprechen',
			summary:
				'Wer Feedback gibt, fragt erst, ob es passt, und sagt es dann; das Gegenüber reagiert so, wie die echte Person es vielleicht täte.',
			instructions: {
				giver:
					'Frag zuerst, ob es gerade passt („Darf ich dir etwas sagen, das mir aufgefallen ist?“), und sag es dann ruhig.',
				receiver:
					'Reagier natürlich und übe dann das Annehmen: durchatmen, wiederholen, was du gehört hast, danke sagen.'
			},
			prompts: [
				'Passt es dir gerade, wenn ich dir etwas sage?',
				'Was ich gehört habe, ist …',
				'Danke, dass du mir das sagst.'
			]
		},
		{
			title: 'Worte und Ton feilen',
			summary: 'Tauscht euch aus, was angekommen ist, und passt die Formulierung an.',
			instructions: {
				giver: 'Frag, welche Worte Abwehr ausgelöst und welche die Tür geöffnet haben.',
				receiver:
					'Nenn das eine Wort oder die Formulierung, die du ändern würdest, und wie der Ton ankam.'
			},
			prompts: [
				'Welches Wort würdest du streichen?',
				'Klang die Bitte nach Bitte oder nach Forderung?'
			]
		},
		{
			title: 'Das echte Gespräch festmachen',
			summary:
				'Legt einen Termin innerhalb von 48 Stunden fest und plant danach eine kurze Reflexion.',
			instructions: {
				giver:
					'Leg fest, wann und wo du das Gespräch führst und wann du darüber nachdenkst, wie es lief.',
				receiver: 'Vereinbart, wann ihr euch austauscht, wie es gelaufen ist.'
			},
			prompts: ['Wann genau?', 'Wie wirst du das Gespräch eröffnen?']
		}
	],
	debrief: [
		'Was hat das Feedback leichter anzuhören gemacht?',
		'Woran hat man gemerkt, dass es gut angenommen wurde?'
	],
	pitfalls: [
		{
			pitfall: 'Der Verhaltensteil ist eine Bewertung („Du warst unhöflich“).',
			rescue: 'Frag: „Was hat die Person tatsächlich gesagt oder getan?“ und schreib nur das auf.'
		},
		{
			pitfall: 'Die Bitte ist vage („Sei besser“).',
			rescue: 'Mach daraus etwas, das die Person morgen tun könnte.'
		}
	],
	closing:
		'Wer Feedback gibt, sagt Datum und Uhrzeit des echten Gesprächs laut; das Gegenüber schreibt es auf.'
};
