import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const safetyOpenerEs: PlaybookTranslation = {
	title: 'Apertura segura',
	summary:
		'El calentamiento para una pareja o un círculo nuevo: acuerdos, un repaso de fortalezas, intenciones y consentimiento.',
	purpose:
		'Bajar la presión antes de practicar para que la gente se anime a probar palabras nuevas y se recupere rápido.',
	outcomes: [
		'Acuerdos a los que todos han dicho que sí',
		'Cada persona conoce una fortaleza de cada una de las demás',
		'Intenciones compartidas y consentimiento confirmado'
	],
	roles: [
		{ name: 'Quien abre', brief: 'Lee las preguntas en voz alta y lleva el tiempo con suavidad.' },
		{ name: 'Participante', brief: 'Participa con la profundidad que te parezca bien.' }
	],
	agreements: [
		'Lo que se dice aquí, se queda aquí.',
		'Compartir siempre es voluntario; pasar está bien.',
		'Cualquiera puede pausar la sesión en cualquier momento.',
		'Tenemos curiosidad, no juzgamos.'
	],
	phases: [
		{
			title: 'Acordar cómo trabajamos',
			summary: 'Lean juntos los acuerdos y añadan los que el grupo necesite.',
			instructions: {
				opener: 'Lee cada acuerdo y pregunta si alguien quiere añadir o cambiar alguno.',
				participant: 'Di que sí o propón lo que necesitas para sentirte seguro.'
			},
			prompts: ['¿Qué te ayudaría a hablar con libertad aquí?']
		},
		{
			title: 'Repaso de fortalezas',
			summary: 'Cada persona nombra una fortaleza que ve en otra.',
			instructions: {
				opener: 'Invita a cada persona a nombrar una fortaleza concreta de otra.',
				participant: 'Nombra una fortaleza que hayas visto en acción, con un pequeño ejemplo.'
			},
			prompts: ['Te he visto…', 'Algo que haces y que admiro es…']
		},
		{
			title: 'Compartir intenciones',
			summary: 'Cada persona dice qué espera de practicar juntos.',
			instructions: {
				opener: 'Hagan una sola ronda; una frase por persona.',
				participant: 'Di qué esperas practicar o aprender.'
			},
			prompts: [
				'En lo que quiero mejorar es…',
				'Lo que quiero de ti como compañero de práctica es…'
			]
		},
		{
			title: 'Confirmar el consentimiento',
			summary: 'Comprueben que todos quieren seguir y cómo prefieren recibir feedback.',
			instructions: {
				opener: 'Pide a cada persona un sí claro y cómo prefiere recibir feedback.',
				participant: 'Di «sí» u «hoy no», y una cosa sobre cómo te gusta recibir feedback.'
			},
			prompts: ['¿Te sumas?', 'Recibo mejor el feedback cuando…']
		}
	],
	debrief: [
		'¿Qué hizo más fácil hablar?',
		'¿Hay algún acuerdo que deberíamos añadir la próxima vez?'
	],
	pitfalls: [
		{
			pitfall: 'Alguien se queda en silencio y se siente presionado.',
			rescue: 'Recuerda a todos que pasar está bien y sigue con calidez.'
		}
	],
	closing: 'Cada persona dice una palabra sobre cómo se siente ahora.'
};
