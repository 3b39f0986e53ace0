/**
 * Phrases that turn a reflection into advice, in each language the interface speaks: people
 * write in their own, whatever the playbook's. Playbooks add their own (`adviceHints`); the hint
 * they trigger is gentle and never blocks typing.
 */
export const ADVICE_PHRASES: readonly string[] = [
	// English
	'you should',
	'you shouldn’t',
	'why don’t you',
	'why not just',
	'have you tried',
	'have you thought about',
	'have you considered',
	'you could try',
	'you need to',
	'you have to',
	'you ought to',
	'if i were you',
	'my advice',
	'what i would do',
	'what you need to do',
	'the solution is',
	'just tell them',
	'just ask',
	// German
	'du solltest',
	'du müsstest',
	'warum machst du nicht',
	'warum nicht einfach',
	'hast du schon versucht',
	'hast du mal versucht',
	'hast du daran gedacht',
	'an deiner stelle',
	'mein rat',
	'mein tipp',
	'was ich machen würde',
	'die lösung ist',
	'sag es ihnen einfach',
	'frag doch einfach',
	'versuch doch mal',
	// Spanish
	'deberías',
	'no deberías',
	'por qué no pruebas',
	'has probado',
	'has pensado en',
	'has considerado',
	'podrías intentar',
	'tienes que',
	'si yo fuera tú',
	'yo en tu lugar',
	'mi consejo',
	'lo que yo haría',
	'la solución es',
	'simplemente diles',
	'solo pregunta'
];

/** Lower case with one kind of apostrophe and single spaces, so "Don't" matches "don’t". */
function normalise(text: string): string {
	return text
		.toLowerCase()
		.replace(/['‘’`]/g, '’')
		.replace(/\s+/g, ' ');
}

const LETTER = /\p{L}/u;

/** Whether `phrase` appears in `text` as whole words. */
function containsWords(text: string, phrase: string): boolean {
	for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
		const before = text[at - 1];
		const after = text[at + phrase.length];
		if ((!before || !LETTER.test(before)) && (!after || !LETTER.test(after))) return true;
	}
	return false;
}

/** The first advice phrase found in `text`, as written in the list, or undefined. */
export function findAdvice(text: string, extraPhrases: readonly string[] = []): string | undefined {
	const haystack = normalise(text);
	return [...ADVICE_PHRASES, ...extraPhrases].find((phrase) => {
		const needle = normalise(phrase).trim();
		return needle.length > 0 && containsWords(haystack, needle);
	});
}
