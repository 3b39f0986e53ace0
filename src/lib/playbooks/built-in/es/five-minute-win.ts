import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const fiveMinuteWinEs: PlaybookTranslation = {
	title: 'Victoria en cinco minutos',
	summary: 'Justo después de una reunión: un comportamiento, una observación, un siguiente paso.',
	purpose: 'Convertir la práctica en un pequeño hábito que cabe entre dos reuniones.',
	outcomes: [
		'Una observación sobre un comportamiento que probaste',
		'Un siguiente paso para la próxima reunión'
	],
	roles: [
		{ name: 'Quien practica', brief: 'Nombra el comportamiento que probaste en la reunión.' },
		{ name: 'Quien observa', brief: 'Comparte lo que viste, con amabilidad y de forma concreta.' }
	],
	agreements: ['Amable y concreto, o nada.', 'Lo que se dice aquí, se queda aquí.'],
	phases: [
		{
			title: 'Un comportamiento',
			summary: 'Quien practica nombra el comportamiento que probó.',
			instructions: {
				practiser:
					'Di el comportamiento en una frase, por ejemplo «parafraseé antes de mostrar mi desacuerdo».',
				observer: 'Escucha; todavía no preguntes nada.'
			},
			prompts: ['En esa reunión probé…']
		},
		{
			title: 'Una observación',
			summary: 'Quien observa comparte una cosa que vio.',
			instructions: {
				practiser: 'Escucha y da las gracias; sin defenderte.',
				observer: 'Describe un momento que notaste y el efecto que tuvo en la sala.'
			},
			prompts: ['Cuando tú…, noté que…']
		},
		{
			title: 'Un siguiente paso',
			summary: 'Quien practica elige qué probar en la próxima reunión.',
			instructions: {
				practiser: 'Nombra un siguiente paso lo bastante pequeño para hacerlo la próxima vez.',
				observer: 'Repítelo para que se quede.'
			},
			prompts: ['La próxima vez voy a…']
		}
	],
	debrief: ['¿La observación fue lo bastante concreta como para actuar?'],
	pitfalls: [
		{
			pitfall: 'Se convierte en un análisis de toda la reunión.',
			rescue: 'Vuelvan al único comportamiento; lo demás puede esperar.'
		}
	],
	closing: 'Quien practica vuelve a decir en voz alta su siguiente paso.'
};
