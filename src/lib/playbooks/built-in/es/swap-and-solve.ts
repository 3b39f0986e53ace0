import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const swapAndSolveEs: PlaybookTranslation = {
	title: 'Intercambiar y resolver',
	summary:
		'Dos colegas trabajan un problema real: uno propone y el otro cuestiona, y los papeles se invierten en cada paso.',
	purpose:
		'Practicar a construir sobre las ideas del otro y a discrepar bien, con un problema que importa.',
	outcomes: [
		'Avances en un problema real',
		'Práctica en proponer y en cuestionar de forma constructiva',
		'Un siguiente paso acordado'
	],
	roles: [
		{ name: 'Quien propone', brief: 'Plantea una idea o un siguiente paso, en pocas palabras.' },
		{
			name: 'Quien cuestiona',
			brief:
				'Cuestiona la idea para hacerla más sólida: riesgos, supuestos, alternativas. Nunca a la persona.'
		}
	],
	agreements: [
		'Cuestionamos ideas, nunca a personas.',
		'Construimos con un «sí, y…» antes de un «pero».'
	],
	phases: [
		{
			title: 'Plantear el problema',
			summary: 'Acuerden en una o dos frases qué problema están resolviendo.',
			instructions: {
				proposer: 'Describe el problema y cómo sería un buen resultado.',
				challenger: 'Revisa el planteamiento: ¿es este el problema real?'
			},
			prompts: ['El problema es…', 'Sabremos que está resuelto cuando…']
		},
		{
			title: 'Proponer',
			summary: 'Quien propone plantea una idea o un paso.',
			instructions: {
				proposer: 'Propón una idea concreta y por qué podría funcionar.',
				challenger: 'Escucha y parafrasea la idea antes que nada.'
			},
			prompts: ['¿Y si…?', 'Entonces, tu idea es…']
		},
		{
			title: 'Cuestionar',
			summary:
				'Quien cuestiona pone a prueba la idea; después se invierten los papeles para el siguiente paso.',
			instructions: {
				proposer: 'Responde a la objeción o mejora la idea.',
				challenger: 'Nombra un riesgo, un supuesto y una forma de hacerla más sólida.'
			},
			prompts: [
				'¿Qué tendría que ser cierto?',
				'¿Qué podría salir mal?',
				'¿Qué la haría más sólida?'
			]
		},
		{
			title: 'Decidir el siguiente paso',
			summary: 'Acuerden qué van a hacer realmente a continuación.',
			instructions: {
				proposer: 'Resume la versión más sólida de la idea.',
				challenger: 'Confírmala y di quién hace qué y para cuándo.'
			},
			prompts: ['Lo siguiente que haremos es…']
		}
	],
	debrief: ['¿Qué objeción mejoró más la idea?', '¿Cómo se sintió cambiar de papel?'],
	pitfalls: [
		{
			pitfall: 'El cuestionamiento se vuelve personal o defensivo.',
			rescue: 'Reformula la idea por sí sola («la propuesta es…») y cuestiona eso.'
		},
		{
			pitfall: 'Siempre propone la misma persona.',
			rescue: 'Respeten el intercambio: los papeles se invierten en cada ronda.'
		}
	],
	closing: 'Ambos dicen el siguiente paso acordado y quién se encarga.'
};
