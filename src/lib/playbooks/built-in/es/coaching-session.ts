import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const coachingSessionEs: PlaybookTranslation = {
	title: 'Sesión de coaching (uno a uno)',
	summary:
		'Un uno a uno estructurado: repaso, un objetivo para hoy, trabajo hacia él, aprendizajes y acciones, y un cierre breve, en menos de una hora.',
	purpose:
		'Ayudar a un compañero a avanzar en un objetivo propio a base de preguntas, no de respuestas.',
	outcomes: [
		'Un objetivo claro para esta sesión, acordado al principio',
		'Próximas acciones concretas que eligió la persona que recibe el coaching',
		'Una nota con lo aprendido, para retomarlo la próxima vez'
	],
	roles: [
		{
			name: 'Coach',
			brief:
				'Haz preguntas abiertas, devuelve lo que oyes y controla el tiempo. Las respuestas son de la otra persona.'
		},
		{
			name: 'Coachee',
			brief: 'Trae un objetivo o un reto propio y decide qué vas a hacer al respecto.'
		}
	],
	agreements: [
		'Lo que se dice aquí, se queda aquí.',
		'El coachee decide el foco; si cambia, lo decimos y lo acordamos.',
		'La sesión dura menos de una hora.'
	],
	phases: [
		{
			title: 'Preguntas para prepararse',
			summary: 'Antes de empezar, el coachee apunta en las notas sus respuestas a unas preguntas.',
			instructions: {
				coach: 'Comparte las preguntas de preparación y dale al coachee un rato de calma.',
				coachee:
					'Apunta brevemente cómo te ha ido, qué avances has hecho y qué quieres conseguir hoy.'
			},
			prompts: [
				'¿Cómo te ha ido desde la última vez que hablamos?',
				'¿Qué avances he hecho hacia mi objetivo?',
				'¿Qué haría que la sesión de hoy valiera la pena?'
			]
		},
		{
			title: 'Repaso de las acciones anteriores',
			summary: 'Revisen las acciones de la última vez: qué pasó y qué enseñó.',
			instructions: {
				coach: 'Pregunta por cada acción sin juzgar si se hizo o no.',
				coachee: 'Cuenta qué hiciste, qué te lo impidió y qué notaste.'
			},
			prompts: ['¿Qué probaste?', '¿Qué se interpuso?', '¿Qué aprendiste sobre ti?']
		},
		{
			title: 'Un objetivo para esta sesión',
			summary: 'Acuerden un objetivo para hoy, lo bastante pequeño para avanzar ahora.',
			instructions: {
				coach: 'Ayuda a acotar el objetivo hasta que los dos puedan saber si se ha alcanzado.',
				coachee: 'Di con qué te quieres llevar de esta sesión.'
			},
			prompts: ['Al final de hoy quiero…', '¿Cómo sabremos que lo hemos conseguido?']
		},
		{
			title: 'Trabajar hacia el objetivo',
			summary: 'Exploren opciones y obstáculos; el coachee es quien más habla.',
			instructions: {
				coach:
					'Haz preguntas abiertas, devuelve lo que oyes y dilo en voz alta si el foco se desvía, para decidir juntos si cambiar o volver.',
				coachee: 'Piensa en voz alta; dilo si quieres cambiar de foco.'
			},
			prompts: [
				'¿Qué opciones tienes?',
				'¿Qué es lo que de verdad te frena?',
				'¿Qué le aconsejarías a un amigo?'
			]
		},
		{
			title: 'Aprendizajes y acciones',
			summary: 'Recojan lo aprendido y las acciones con las que se compromete el coachee.',
			instructions: {
				coach: 'Pregunta qué le llamó la atención y qué hará el coachee, y para cuándo.',
				coachee: 'Nombra un aprendizaje y de una a tres acciones con fecha.'
			},
			prompts: ['¿Qué te llamó la atención hoy?', '¿Qué vas a hacer y para cuándo?']
		},
		{
			title: 'Cierre breve',
			summary: 'Cierren brevemente y acuerden cuándo se vuelven a ver.',
			instructions: {
				coach: 'Resume en dos frases y pregunta al coachee cómo vivió la sesión.',
				coachee: 'Di qué fue lo más útil y de qué te gustaría más la próxima vez.'
			},
			prompts: ['¿Qué fue lo más útil?', '¿Cuándo nos vemos la próxima vez?']
		}
	],
	debrief: [
		'¿Salió el coachee con acciones propias?',
		'¿En qué momentos dio respuestas el coach en lugar de preguntar?'
	],
	pitfalls: [
		{
			pitfall: 'El coach se pone a resolver el problema.',
			rescue: 'Convierte la idea en una pregunta: «¿qué opciones ves?»'
		},
		{
			pitfall: 'El foco se desvía sin que nadie lo note.',
			rescue: 'Nómbralo: «hemos pasado a otro tema, ¿nos quedamos aquí o volvemos?»'
		}
	],
	closing: 'El coachee lee en voz alta sus acciones con fecha; ambos acuerdan la próxima sesión.'
};
