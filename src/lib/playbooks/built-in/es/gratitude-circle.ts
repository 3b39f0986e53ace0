import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const gratitudeCircleEs: PlaybookTranslation = {
	title: 'Círculo de agradecimiento',
	summary:
		'Una ronda de reconocimientos concretos, también para quienes aportan en silencio, sin rankings.',
	purpose:
		'Reconocer la práctica y el esfuerzo para que la gente siga adelante, sin convertirlo en una competición.',
	outcomes: [
		'Todos han escuchado un reconocimiento concreto',
		'Se han nombrado las aportaciones silenciosas',
		'El grupo se va con energía para la próxima práctica'
	],
	roles: [
		{
			name: 'Quien agradece',
			brief: 'Te toca: agradece algo concreto a alguien, qué hizo y qué hizo posible.'
		},
		{ name: 'Miembro', brief: 'Escucha y recibe el agradecimiento con un simple «gracias».' }
	],
	agreements: [
		'El reconocimiento es concreto: qué hizo alguien y qué hizo posible.',
		'Sin rankings ni comparaciones.',
		'Para recibirlo basta con un «gracias».'
	],
	phases: [
		{
			title: 'Abrir el círculo',
			summary: 'Quien habla primero explica la ronda y pone un ejemplo.',
			instructions: {
				giver: 'Hablas primero: da un ejemplo de reconocimiento concreto para marcar el tono.',
				member: 'Piensa en alguien cuyo esfuerzo hayas notado últimamente.'
			},
			prompts: ['Gracias por…, porque significó que…']
		},
		{
			title: 'Reconocimiento',
			summary:
				'La persona a la que le toca reconoce a alguien en concreto; quien recibe el agradecimiento solo dice «gracias».',
			instructions: {
				giver: 'Nombra a la persona, lo que hizo y lo que hizo posible.',
				member: 'Escucha; si te agradecen algo, di solo «gracias».'
			},
			prompts: [
				'Alguien que practicó algo difícil',
				'Una aportación silenciosa que quizá a otros se les pasó'
			]
		},
		{
			title: 'Aportaciones silenciosas',
			summary: 'Nombren las aportaciones que pasan desapercibidas.',
			instructions: {
				giver: 'Pregunta quién ha ayudado entre bastidores.',
				member: 'Nombra a alguien cuyo trabajo te facilitó el tuyo.'
			},
			prompts: ['¿Quién te hizo algo más fácil este mes?']
		},
		{
			title: 'Cierre',
			summary: 'Cada persona dice una palabra sobre cómo se siente.',
			instructions: {
				giver: 'Comparte una palabra y luego agradece al círculo.',
				member: 'Comparte una palabra.'
			},
			prompts: ['Una palabra para este momento']
		}
	],
	debrief: ['¿Se nombró a todo el mundo?', '¿Qué hizo que el reconocimiento se sintiera sincero?'],
	pitfalls: [
		{
			pitfall: 'Los agradecimientos se vuelven genéricos («buen trabajo, equipo»).',
			rescue: 'Pregunta: ¿qué hizo exactamente y qué hizo posible?'
		},
		{
			pitfall: 'Siempre reciben los reconocimientos las mismas personas.',
			rescue: 'Quien hable a continuación nombra a alguien que aún no se haya mencionado.'
		}
	],
	closing: 'Cada persona comparte una palabra y el círculo se da las gracias.'
};
