import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const activeListeningSprintEs: PlaybookTranslation = {
	title: 'Sprint de escucha activa',
	summary:
		'Por turnos, cuenta una historia de tres minutos mientras tu compañero te devuelve lo que sientes, lo que te mueve y lo que necesitas, sin dar consejos.',
	purpose:
		'Acostumbrarse a escuchar lo que un compañero siente, quiere y necesita antes de lanzarse a buscar una solución.',
	outcomes: [
		'Ambos han practicado parafrasear sentimientos, motivos y necesidades',
		'Cada uno sabe cuánto se sintió comprendido el otro, y por qué',
		'Un pequeño cambio en tu forma de escuchar para probar en la reunión diaria de mañana'
	],
	roles: [
		{
			name: 'Narrador',
			brief:
				'Cuenta una historia breve y real del trabajo que todavía te importe. Comparte solo lo que te resulte cómodo.'
		},
		{
			name: 'Oyente',
			brief:
				'Escucha lo que la otra persona siente, quiere y necesita, y devuélveselo. No arregles, no juzgues, no aconsejes.'
		}
	],
	agreements: [
		'Lo que se dice aquí, se queda aquí.',
		'Cada uno comparte solo lo que quiere compartir.',
		'Cualquiera puede pedir una pausa en cualquier momento, sin dar explicaciones.',
		'Preferimos la curiosidad al juicio.'
	],
	adviceHints: [
		'deberías',
		'tienes que',
		'por qué no',
		'has probado',
		'has pensado en',
		'yo que tú',
		'si yo fuera tú',
		'mi consejo',
		'lo que tienes que hacer',
		'podrías probar'
	],
	phases: [
		{
			title: 'Preparación',
			summary: 'Acuerden cómo van a trabajar antes de que nadie cuente nada.',
			instructions: {
				speaker:
					'Di en voz alta que lo que se comparta se queda aquí y que cualquiera de los dos puede pedir una pausa.',
				listener: 'Confirma el acuerdo y comprométete a escuchar sin dar consejos.'
			},
			prompts: ['¿Qué se queda en esta sala?', '¿Cómo vamos a pedir una pausa?']
		},
		{
			title: 'Cuenta la historia',
			summary: 'El narrador cuenta un momento reciente del trabajo; el oyente solo escucha.',
			instructions: {
				speaker:
					'Describe una situación reciente del trabajo que te removió algo: qué pasó y qué significó para ti.',
				listener:
					'Escucha sin interrumpir. Fíjate en las palabras con carga emocional y en lo que parece querer el narrador.'
			},
			prompts: [
				'Un momento de esta semana que te frustró o te dio energía',
				'Una conversación a la que sigues dando vueltas',
				'Una decisión de la que todavía no estás seguro'
			]
		},
		{
			title: 'Devuélveselo',
			summary:
				'El oyente parafrasea sentimientos, motivos y necesidades; el narrador corrige con tacto.',
			instructions: {
				speaker: 'Escucha lo que te devuelve. Di qué encaja y qué no, sin juzgar el intento.',
				listener:
					'Di con tus palabras qué sintió el narrador, qué le movía y qué necesita. Sin consejos.'
			},
			prompts: [
				'Parece que te sentiste…',
				'Lo que más te importaba era…',
				'Lo que necesitas ahora es…'
			]
		},
		{
			title: 'Un breve silencio',
			summary: 'Ambos guardan silencio un momento.',
			instructions: {
				speaker: 'Fíjate en cómo te sentiste al ser escuchado y en lo que te dice tu cuerpo.',
				listener:
					'Fíjate en qué supusiste mientras escuchabas y en lo que te dijeron la postura y la voz del narrador.'
			},
			prompts: ['¿Qué di por supuesto?', '¿Qué noté sin palabras?']
		},
		{
			title: '¿Cuánto te sentiste comprendido?',
			summary:
				'El narrador dice cuánto se sintió comprendido, de 1 (nada) a 5 (totalmente), y qué le llegó.',
			instructions: {
				speaker:
					'Da un número del 1 al 5 y menciona una cosa que hizo el oyente y que te hizo sentir escuchado.',
				listener: 'Recibe la puntuación dando las gracias. Pregunta qué habría sumado un punto más.'
			},
			prompts: ['¿Qué te ayudó más?', '¿Qué habría sumado un punto más?']
		},
		{
			title: 'Un pequeño ajuste',
			summary:
				'Cada uno elige un pequeño hábito de escucha para probar antes de la reunión diaria de mañana.',
			instructions: {
				speaker:
					'Nombra un pequeño cambio en tu forma de escuchar y cuándo exactamente lo probarás.',
				listener:
					'Nombra un pequeño cambio en tu forma de escuchar y cuándo exactamente lo probarás.'
			},
			prompts: [
				'Aguantar un silencio dos segundos más',
				'Nombrar un sentimiento antes de hacer una pregunta',
				'Preguntar «¿qué necesitas?» en lugar de ofrecer una solución'
			]
		}
	],
	debrief: [
		'¿Cuándo tuviste más ganas de dar un consejo y qué hiciste en su lugar?',
		'¿Con qué paráfrasis asintió el narrador?'
	],
	pitfalls: [
		{
			pitfall: 'El oyente se desliza hacia los consejos («¿has probado a…?»).',
			rescue: 'Para, di «déjame intentarlo otra vez» y nombra un sentimiento en su lugar.'
		},
		{
			pitfall: 'La historia es demasiado grande o delicada para tres minutos.',
			rescue: 'Elige un momento más pequeño; el ejercicio funciona con situaciones cotidianas.'
		}
	],
	closing: 'Cada uno dice en voz alta su pequeño ajuste y cuándo lo probará; el otro lo repite.'
};
