// Message catalogues complete (issue 18): every key in every language, with the same parameters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const settings = JSON.parse(
	readFileSync(join(import.meta.dirname, '../project.inlang/settings.json'), 'utf8')
) as {
	baseLocale: string;
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const pathPatterns = settings['plugin.inlang.messageFormat'].pathPattern;

type Catalogue = Record<string, unknown>;
const fileOf = (pattern: string, locale: string): Catalogue => {
	const messages = JSON.parse(
		readFileSync(join(import.meta.dirname, '..', pattern.replace('{locale}', locale)), 'utf8')
	) as Catalogue;
	delete messages.$schema;
	return messages;
};
/** A language's messages from every file, one area per file (messages/<area>/<locale>.json). */
const catalogueOf = (locale: string): Catalogue =>
	Object.assign({}, ...pathPatterns.map((pattern) => fileOf(pattern, locale))) as Catalogue;

test('no key is in two areas, where one would silently win', () => {
	const keys = pathPatterns.flatMap((pattern) => Object.keys(fileOf(pattern, settings.baseLocale)));
	expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
});
const catalogues = new Map(settings.locales.map((locale) => [locale, catalogueOf(locale)]));
const base = catalogueOf(settings.baseLocale);

/** The `{name}` parameters a message uses, wherever they sit (plain text or variants). */
const parametersOf = (message: unknown): string[] =>
	[
		...new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((found) => found[1] ?? ''))
	].sort();

test.each(settings.locales)('%s has exactly the keys of the base language', (locale) => {
	expect(Object.keys(catalogues.get(locale) ?? {}).sort()).toEqual(Object.keys(base).sort());
});

test.each(settings.locales)('%s has no empty message', (locale) => {
	const empty = Object.entries(catalogues.get(locale) ?? {})
		.filter(([, message]) => typeof message === 'string' && message.trim() === '')
		.map(([key]) => key);
	expect(empty).toEqual([]);
});

test.each(settings.locales)('%s uses the same parameters as the base language', (locale) => {
	const catalogue = catalogues.get(locale) ?? {};
	const differing = Object.keys(base).filter(
		(key) =>
			JSON.stringify(parametersOf(catalogue[key])) !== JSON.stringify(parametersOf(base[key]))
	);
	expect(differing).toEqual([]);
});

/** The words of a message, its `{parameters}` left out: `{playbook}` names a value, not a term. */
const wordsOf = (message: unknown): string => JSON.stringify(message).replace(/\{\w+\}/g, '');

// docs/languages.md: neutral Spanish ("ustedes", never "vosotros"), and one term per idea.
test('Spanish speaks to several people as ustedes and calls a playbook a guía', () => {
	// Letters, not \w: "tamaños" must not read as ending in the word "os".
	const vosotros = /(?<!\p{L})(vosotr\p{L}*|vuestr\p{L}*|os|\p{L}+[áé]is)(?!\p{L})/iu;
	const offending = Object.entries(catalogues.get('es') ?? {})
		.filter(([, message]) => vosotros.test(wordsOf(message)) || /playbook/i.test(wordsOf(message)))
		.map(([key]) => key);
	expect(offending).toEqual([]);
});
