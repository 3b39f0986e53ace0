/**
 * How deeply a JSON body may nest objects and arrays. The deepest valid playbook nests about
 * six levels (playbook → phases → phase → tools → tool → fields); 32 leaves room for any
 * honest body while a hostile one of thousands of levels never reaches `JSON.parse` or the
 * recursive checks after it (docs/security.md).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` opens more than `limit` objects or arrays inside one another. Brackets inside
 * strings do not count. One pass over the raw text, without parsing it: malformed JSON is left
 * for `JSON.parse` to refuse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const char = text.charCodeAt(i);
		if (inString) {
			if (char === BACKSLASH) i++;
			else if (char === QUOTE) inString = false;
		} else if (char === QUOTE) {
			inString = true;
		} else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
			if (++depth > limit) return true;
		} else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
			depth--;
		}
	}
	return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
