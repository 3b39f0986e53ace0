/**
 * Phrases that turn a reflection into advice. Playbooks add their own (`adviceHints`); the hint
 * they trigger is gentle and never blocks typing.
 */
export const ADVICE_PHRASES: readonly string[] = [
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
	'just ask'
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
