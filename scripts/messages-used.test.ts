// Every message is used (issue 18): a key nothing refers to is a translation kept up in three
// languages for no one. A key counts as used when code in src/ or server/ (not a test, not the
// compiled messages) names it as `m.key` (called, or passed on as a function, as zod's
// `says(m.key)` and the refusal maps do) or `m['key']`. There is no dynamic lookup of keys by
// a computed name: a map from codes to messages names each message (refusal-words.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Every key of the base language, from every area's file. */
function messageKeys(): string[] {
	return readdirSync(join(root, 'messages')).flatMap((area) =>
		Object.keys(
			JSON.parse(readFileSync(join(root, 'messages', area, 'en.json'), 'utf8')) as object
		).filter((key) => key !== '$schema')
	);
}

/** Source files that may use messages: code and components, without tests and generated code. */
function sourceFiles(folder: string): string[] {
	return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
		.map((file) => join(root, folder, file))
		.filter((file) => /\.(ts|js|svelte)$/.test(file))
		.filter((file) => !/\.test\.ts$/.test(file) && !relative(root, file).includes('paraglide'));
}

/** Code without its comments, so a key only mentioned in a comment does not count. */
const withoutComments = (code: string): string =>
	code
		.replace(/\/\*[\s\S]*?\*\//g, '')
		// A line comment, on its own line or after code; not the `//` of an address ('https://…').
		.replace(/(?<![:\w'"`])\/\/.*$/gm, '')
		.replace(/<!--[\s\S]*?-->/g, '');

/** The keys `code` refers to as `m.key` or `m['key']`. */
function referencedKeys(code: string): Set<string> {
	const bare = withoutComments(code);
	return new Set([
		...[...bare.matchAll(/\bm\.(\w+)\b/g)].map((found) => found[1] ?? ''),
		...[...bare.matchAll(/\bm\[\s*(['"`])(\w+)\1\s*\]/g)].map((found) => found[2] ?? '')
	]);
}

test('a key counts when called, passed as a function or indexed, not when only in a comment, even after code', () => {
	const code = [
		"m.room_join({ name }); says(m.pages_problem_number); m['tools_ready'];",
		'// m.site_unused_in_comment()',
		'done(); // m.site_unused_after_code',
		"const url = 'https://example.org/'; m.room_after_an_address();",
		'/* m.site_unused_in_block */'
	].join('\n');
	expect([...referencedKeys(code)].sort()).toEqual([
		'pages_problem_number',
		'room_after_an_address',
		'room_join',
		'tools_ready'
	]);
});

test('every message key is referenced by code in src/ or server/', () => {
	const used = new Set(
		['src', 'server']
			.flatMap(sourceFiles)
			.flatMap((file) => [...referencedKeys(readFileSync(file, 'utf8'))])
	);
	expect(messageKeys().filter((key) => !used.has(key))).toEqual([]);
});
