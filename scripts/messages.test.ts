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

/**
 * The texts of a message, without its structure (a plural's declarations and selectors name
 * variables, not words) and with its `{parameters}` left out: `{playbook}` names a value, not a term.
 */
const textsOf = (message: unknown): string[] =>
	(typeof message === 'string'
		? [message]
		: Array.isArray(message)
			? message.flatMap((variant: { match?: Record<string, string> }) =>
					Object.values(variant.match ?? {})
				)
			: []
	).map((text) => text.replace(/\{\w+\}/g, ''));

/** Words that end as a vosotros verb does (-áis, -éis) and are not one: numbers, plurals. */
const NOT_VOSOTROS = new Set(['dieciséis', 'veintiséis', 'jerséis']);

/** The words of `text` that speak to several people as vosotros. */
const vosotrosIn = (text: string): string[] =>
	// Letters, not \w: "tamaños" must not read as ending in the word "os".
	[...text.matchAll(/(?<!\p{L})(vosotr\p{L}*|vuestr\p{L}*|os|\p{L}+[áé]is)(?!\p{L})/giu)]
		.map(([word]) => word)
		.filter((word) => !NOT_VOSOTROS.has(word.toLowerCase()));

test('the vosotros check reads the texts only, and knows the words that only look like it', () => {
	expect(vosotrosIn('Dieciséis o veintiséis personas, con jerséis')).toEqual([]);
	expect(vosotrosIn('¿Estáis listos? Os esperamos con vuestras notas')).toEqual([
		'Estáis',
		'Os',
		'vuestras'
	]);
	const plural = [
		{
			declarations: ['input os', 'local osPlural = os: plural'],
			selectors: ['osPlural'],
			match: { 'osPlural=one': '{os} minuto', 'osPlural=*': '{os} minutos' }
		}
	];
	expect(textsOf(plural).flatMap(vosotrosIn)).toEqual([]);
});

// docs/languages.md: neutral Spanish ("ustedes", never "vosotros"), and one term per idea.
test('Spanish speaks to several people as ustedes and calls a playbook a guía', () => {
	const offending = Object.entries(catalogues.get('es') ?? {})
		.filter(([, message]) =>
			textsOf(message).some((text) => vosotrosIn(text).length > 0 || /playbook/i.test(text))
		)
		.map(([key]) => key);
	expect(offending).toEqual([]);
});
