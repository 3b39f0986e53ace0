import type { PlaybookTranslation } from '../../../protocol/playbook-translation';

export const listeningCircleEs: PlaybookTranslation = {
	title: 'Círculo de escucha',
	summary:
		'Un círculo de tres a doce personas se turna: una habla, otra le devuelve lo que oyó y el resto observa y dice qué ayudó.',
	purpose:
		'Practicar la escucha en grupo sin facilitador: todos hablan una vez, parafrasean una vez y ven cómo llega la escucha.',
	outcomes: [
		'Todos han hablado y han recibido una paráfrasis de lo que dijeron',
		'Quienes observan han dicho qué hizo que el narrador se sintiera escuchado',
		'Un hábito de escucha por persona para llevar a la próxima reunión'
	],
	roles: [
		{
			name: 'Narrador',
			brief: 'Comparte un momento breve y real del trabajo. Solo lo que te resulte cómodo.'
		},
		{
			name: 'Oyente',
			brief:
				'Escucha con atención y luego devuelve sentimientos, motivos y necesidades. Sin consejos.'
		},
		{
			name: 'Observador',
			brief: 'Observa la escucha: ¿qué hizo que el narrador asintiera, se relajara o contara más?'
		}
	],
	agreements: [
		'Lo que se dice en el círculo, se queda en el círculo.',
		'Cada uno comparte solo lo que quiere compartir.',
		'Cualquiera puede detener el círculo en cualquier momento, sin explicar por qué.',
		'Quien observa describe lo que vio, no lo que habría hecho.'
	],
	adviceHints: [
		'deberías',
		'tienes que',
		'por qué no',
		'has probado',
		'yo que tú',
		'si yo fuera tú',
		'mi consejo',
		'lo que tienes que hacer'
	],
	phases: [
		{
			title: 'Llegar',
			summary: 'Cada persona dice su nombre y una palabra sobre cómo llega hoy.',
			instructions: {
				speaker: 'Abre la ronda: tu nombre y una palabra.',
				listener: 'Di tu nombre y una palabra cuando te toque.',
				observer: 'Di tu nombre y una palabra cuando te toque.'
			},
			prompts: ['Una palabra sobre cómo llego', 'Lo que necesito de este círculo']
		},
		{
			title: 'Comparte un momento',
			summary: 'El narrador comparte un momento del trabajo; todos los demás solo escuchan.',
			instructions: {
				speaker: 'Cuenta un momento reciente que te importó: qué pasó y qué significó para ti.',
				listener: 'Escucha sin interrumpir. Fíjate en sentimientos, motivos y necesidades.',
				observer: 'Observa al oyente: mirada, postura, silencios. Anota lo que parece ayudar.'
			},
			prompts: ['Un momento que me sorprendió', 'Una conversación a la que sigo dando vueltas']
		},
		{
			title: 'Devuélveselo',
			summary: 'El oyente devuelve lo que oyó; el narrador dice qué encaja.',
			instructions: {
				speaker: 'Di con amabilidad qué encaja y qué no.',
				listener: 'Devuelve sentimientos, motivos y necesidades con tus palabras. Sin consejos.',
				observer: 'Anota las palabras que hicieron asentir al narrador.'
			},
			prompts: ['Parece que te sentiste…', 'Lo que te importaba era…', 'Lo que necesitas es…']
		},
		{
			title: 'Lo que vieron los observadores',
			summary: 'Los observadores nombran una cosa que ayudó al narrador a sentirse escuchado.',
			instructions: {
				speaker: 'Escucha las observaciones y di cuál coincide con lo que viviste.',
				listener: 'Escucha y da las gracias; no hace falta que te expliques.',
				observer: 'Nombra una cosa concreta que viste y que ayudó. Comparte tus notas si quieres.'
			},
			prompts: ['Lo que más ayudó fue…', 'El momento en que el narrador se relajó fue…']
		},
		{
			title: 'Cerrar el círculo',
			summary: 'Cada persona nombra un hábito de escucha para llevar a su próxima reunión.',
			instructions: {
				speaker: 'Nombra tu hábito y cuándo lo vas a probar.',
				listener: 'Nombra tu hábito y cuándo lo vas a probar.',
				observer: 'Nombra tu hábito y cuándo lo vas a probar.'
			},
			prompts: ['En mi próxima reunión voy a…']
		}
	],
	debrief: [
		'¿Qué te hizo sentir escuchado hoy?',
		'¿Qué fue lo más difícil de solo escuchar?',
		'¿Qué te enseñó observar sobre tu propia forma de escuchar?'
	],
	pitfalls: [
		{
			pitfall: 'El círculo empieza a darle consejos al narrador.',
			rescue: 'Cualquiera puede decir «volvamos a parafrasear» y el oyente lo intenta de nuevo.'
		},
		{
			pitfall: 'Alguien llega tarde o se va y se rompe el orden.',
			rescue: 'La sala adapta la rotación; habla la siguiente persona del círculo.'
		}
	],
	closing: 'Hagan una ronda: cada persona dice su hábito en voz alta y la siguiente lo repite.'
};
