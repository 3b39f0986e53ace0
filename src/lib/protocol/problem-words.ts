import { m } from '../paraglide/messages';

// A schema's problem messages are message functions, worded when a parse finds the problem, so
// one schema answers each person in their language (docs/languages.md). The realtime server has no
// person's language and answers in English.

/** Schema options whose problem is `words`, worded at parse time. */
export const says = (words: () => string) => ({ error: () => words() });

/** The words for a value not among `options`. */
export const oneOf = (options: readonly string[]) =>
	says(() => m.pages_problem_one_of({ options: options.join(', ') }));

/** The words for a text longer than `max` characters. */
export const atMostCharacters = (max: number) =>
	says(() => m.pages_problem_max_characters({ max }));
