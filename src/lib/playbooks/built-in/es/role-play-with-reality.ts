import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const rolePlayWithRealityEs: PlaybookTranslation = {
	title: 'Juego de roles con material real',
	summary:
		'Trae un correo, un ticket o una diapositiva real y ensaya la conversación difícil que lo rodea, pausando y rebobinando para probar otras palabras.',
	purpose:
		'Encontrar el lenguaje, la postura y el momento adecuados para una conversación difícil antes de que ocurra.',
	outcomes: [
		'Frases que funcionaron, anotadas palabra por palabra',
		'Una idea de dónde cambiaron las emociones en la conversación',
		'Dos frases listas para usar en la conversación real'
	],
	roles: [
		{
			name: 'Protagonista',
			brief: 'Trae el material y prueba tus palabras, tu tono y tus tiempos.'
		},
		{
			name: 'Contraparte',
			brief: 'Interpreta al colega del otro lado, de forma realista pero sin crueldad.'
		},
		{
			name: 'Observador',
			brief:
				'Fíjate en las frases que funcionan y en los momentos en que cambia el ambiente; lleva las notas.'
		}
	],
	agreements: [
		'El material y las personas que aparecen en él se quedan en esta sala.',
		'La contraparte interpreta un papel; nada de lo que diga es personal.',
		'Cualquiera puede pedir pausa o rebobinar en cualquier momento.'
	],
	phases: [
		{
			title: 'Preparar la escena',
			summary: 'La protagonista comparte el material y lo que hace difícil la conversación.',
			instructions: {
				practitioner:
					'Muestra el correo, el ticket o la diapositiva y describe al colega y lo que está en juego.',
				counterpart: 'Pregunta qué le importa al colega y cómo suele reaccionar.',
				observer: 'Anota qué es lo que más quiere la protagonista de la conversación.'
			},
			prompts: ['¿Qué quiere la otra persona?', '¿Cuál es la frase más difícil de decir?']
		},
		{
			title: 'Actuar, pausar y rebobinar',
			summary: 'Hagan la conversación; cualquiera puede pausar y rebobinar para probar otra frase.',
			instructions: {
				practitioner:
					'Prueba tu arranque; cuando una frase no funcione, pide rebobinar y prueba otra.',
				counterpart: 'Reacciona como lo haría el colega real: cede o resiste como lo haría él.',
				observer: 'Anota las frases que funcionaron y los momentos en que cambió el ambiente.'
			},
			prompts: [
				'Rebobina: dilo de otra manera',
				'¿Y si aquí bajas el ritmo?',
				'Pruébalo de pie y luego sentado'
			]
		},
		{
			title: 'Cosechar lo que funcionó',
			summary: 'Repasen juntos el guion y marquen las frases que vale la pena conservar.',
			instructions: {
				practitioner: 'Di qué frases te sonaron auténticas.',
				counterpart: 'Di qué frases hicieron que, en tu papel, cedieras o escucharas.',
				observer: 'Lee en voz alta los cambios emocionales que notaste.'
			},
			prompts: ['¿Qué frase cambió el ambiente?', '¿Dónde importaron la postura o el momento?']
		},
		{
			title: 'Dos frases para reutilizar',
			summary: 'La protagonista escribe dos frases para usar tal cual la próxima vez.',
			instructions: {
				practitioner: 'Escribe tus dos frases y dilas en voz alta una vez más.',
				counterpart: 'Escúchalas como el colega y di cómo te llegan.',
				observer: 'Comprueba que sean lo bastante cortas para recordarlas.'
			},
			prompts: ['Una frase para empezar', 'Una frase para el momento más difícil']
		}
	],
	debrief: [
		'¿Qué te sorprendió de las reacciones de la contraparte?',
		'¿Qué harás distinto con tu cuerpo o tu ritmo?'
	],
	pitfalls: [
		{
			pitfall: 'La contraparte interpreta una caricatura y la práctica se siente irreal.',
			rescue: 'Pausen y pregunten a la protagonista cómo respondería la persona real.'
		},
		{
			pitfall: 'Nadie rebobina, así que solo se prueba una versión.',
			rescue: 'El observador pide rebobinar después de la primera respuesta dura.'
		}
	],
	closing: 'La protagonista lee en voz alta las dos frases y dice cuándo será la conversación real.'
};
