import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const feedbackThatLandsEs: PlaybookTranslation = {
	title: 'Feedback que llega',
	summary:
		'Ensaya un feedback real como situación, comportamiento, impacto y una petición de cara al futuro, y practica cómo recibirlo bien.',
	purpose:
		'Convertir ese feedback que llevas tiempo aplazando en palabras que puedas decir con calma, y fijar la conversación real.',
	outcomes: [
		'Un mensaje de feedback en cuatro partes breves, ensayado en voz alta',
		'Práctica en recibir feedback: respirar, parafrasear, dar las gracias',
		'Una conversación real agendada en las próximas 48 horas, con una reflexión posterior'
	],
	roles: [
		{
			name: 'Quien da feedback',
			brief:
				'Trae un feedback real para alguien del trabajo y conviértelo en palabras que puedas decir.'
		},
		{
			name: 'Quien lo recibe',
			brief:
				'Interpreta con honestidad a la persona que lo escucha y luego ayuda a afinar las palabras.'
		}
	],
	agreements: [
		'Las personas de las que hablamos quedan en el anonimato.',
		'Ensayamos palabras, no juzgamos a personas.',
		'Cualquiera de los dos puede pedir una pausa en cualquier momento.'
	],
	phases: [
		{
			title: 'Elige la conversación',
			summary: 'Quien da feedback cuenta qué feedback real quiere dar, sin nombres.',
			instructions: {
				giver: 'Describe brevemente la situación y qué te gustaría que cambiara.',
				receiver: 'Haz una pregunta que ayude a concretar el momento exacto.'
			},
			prompts: ['¿Qué momento, exactamente?', '¿Qué esperas que sea distinto la próxima vez?']
		},
		{
			title: 'Redacta situación, comportamiento, impacto y petición',
			summary: 'Entre los dos, organicen el mensaje en cuatro partes breves.',
			instructions: {
				giver:
					'Escribe la situación, el comportamiento que viste, su impacto y una petición para el futuro.',
				receiver:
					'Señala los juicios escondidos en la parte del comportamiento y propone palabras observables.'
			},
			prompts: [
				'Situación: ¿cuándo y dónde?',
				'Comportamiento: ¿qué habría grabado una cámara?',
				'Impacto: ¿qué provocó y a quién?',
				'Petición: ¿qué te gustaría a partir de ahora?'
			]
		},
		{
			title: 'Dilo en voz alta',
			summary:
				'Quien da feedback pide permiso y luego da el mensaje; quien lo recibe responde como lo haría la persona real.',
			instructions: {
				giver: 'Empieza pidiendo permiso («¿puedo contarte algo que he notado?») y dilo con calma.',
				receiver:
					'Responde con naturalidad y luego practica recibirlo: respira, parafrasea lo que oíste y da las gracias.'
			},
			prompts: [
				'¿Es buen momento para comentarte algo?',
				'Lo que he entendido es…',
				'Gracias por decírmelo.'
			]
		},
		{
			title: 'Afina las palabras y el tono',
			summary: 'Comenten qué funcionó y ajusten la redacción.',
			instructions: {
				giver: 'Pregunta qué palabras pusieron a la defensiva y cuáles abrieron la puerta.',
				receiver: 'Señala la palabra o frase que cambiarías y cómo llegó el tono.'
			},
			prompts: ['¿Qué palabra quitarías?', '¿La petición sonó a petición o a exigencia?']
		},
		{
			title: 'Agenda la conversación real',
			summary:
				'Elijan un momento en las próximas 48 horas y planifiquen una breve reflexión después.',
			instructions: {
				giver: 'Decide cuándo y dónde tendrás la conversación y cuándo reflexionarás sobre ella.',
				receiver: 'Acuerden cuándo se pondrán al día sobre cómo fue.'
			},
			prompts: ['¿Cuándo exactamente?', '¿Cómo vas a abrir la conversación?']
		}
	],
	debrief: [
		'¿Qué hizo que el feedback fuera más fácil de escuchar?',
		'¿Cómo se notaba que se estaba recibiendo bien?'
	],
	pitfalls: [
		{
			pitfall: 'La parte del comportamiento es un juicio («fuiste maleducado»).',
			rescue: 'Pregunta «¿qué dijo o hizo exactamente?» y escribe solo eso.'
		},
		{
			pitfall: 'La petición es vaga («hazlo mejor»).',
			rescue: 'Conviértela en algo que la persona pueda hacer mañana mismo.'
		}
	],
	closing:
		'Quien da feedback dice en voz alta la fecha y la hora de la conversación real; quien lo recibe las anota.'
};
