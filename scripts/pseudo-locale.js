// The pseudo-locale check (docs/languages.md): a copy of the inlang project in which every
// language's messages are the English ones wrapped in ⟦…⟧, compiled to its own folder. Vite reads
// it instead of src/lib/paraglide when PSEUDO_LOCALE=1 (vite.config.ts), so a page served that way
// shows at once any text that does not come from the messages. Nothing here touches
// src/lib/paraglide, which the ordinary dev server, build and tests keep using.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paraglideOptions } from './paraglide-options.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Git-ignored: the pseudo project, its messages and their compiled functions. */
export const PSEUDO_DIR = '.pseudo-locale';
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** The compiler options of the pseudo build: same strategy, another project and outdir. */
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const pseudoParaglideOptions = {
	...paraglideOptions,
	project: `./${PSEUDO_DIR}/project.inlang`,
	outdir: `./${PSEUDO_DIR}/paraglide`
};

/** @param {string} text */
const wrapText = (text) => `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}`;

/**
 * One message wrapped: a plain text whole, a message with variants in each variant's text.
 * @param {unknown} message
 * @returns {unknown}
 */
export function wrapMessage(message) {
	if (typeof message === 'string') return wrapText(message);
	if (!Array.isArray(message)) throw new Error(`unexpected message ${JSON.stringify(message)}`);
	return message.map((variant) => ({
		...variant,
		match: Object.fromEntries(
			Object.entries(variant.match).map(([key, text]) => [key, wrapText(String(text))])
		)
	}));
}

/** Writes the pseudo project: every area's English messages, wrapped, as every language. */
export function writePseudoProject() {
	const settings = JSON.parse(readFileSync(join(root, 'project.inlang/settings.json'), 'utf8'));
	const format = settings['plugin.inlang.messageFormat'];
	for (const pattern of format.pathPattern) {
		const english = JSON.parse(
			readFileSync(join(root, pattern.replace('{locale}', settings.baseLocale)), 'utf8')
		);
		const wrapped = Object.fromEntries(
			Object.entries(english).map(([key, message]) => [
				key,
				key === '$schema' ? message : wrapMessage(message)
			])
		);
		for (const locale of settings.locales) {
			const file = join(root, PSEUDO_DIR, pattern.replace('{locale}', locale));
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, JSON.stringify(wrapped, null, '\t'));
		}
	}
	const project = join(root, PSEUDO_DIR, 'project.inlang');
	mkdirSync(project, { recursive: true });
	// Paths in settings.json are relative to the folder that holds project.inlang.
	const modules = settings.modules.map((/** @type {string} */ path) =>
		path.replace(/^\.\//, '../')
	);
	writeFileSync(
		join(project, 'settings.json'),
		JSON.stringify({ ...settings, modules }, null, '\t')
	);
}

/**
 * A Vite plugin that resolves $lib/paraglide/… to the pseudo project's compiled messages. SvelteKit
 * turns `$lib` into src/lib first (its alias comes before any of ours), so this redirects the
 * resolved path.
 * @returns {import('vite').Plugin}
 */
export function pseudoLocaleMessages() {
	const real = join(root, 'src/lib/paraglide/');
	const pseudo = join(root, PSEUDO_DIR, 'paraglide/');
	return {
		name: 'pseudo-locale-messages',
		enforce: 'pre',
		resolveId(source, importer) {
			// `$lib/paraglide/…` arrives resolved; modules beside it import `../paraglide/…`.
			const path = source.startsWith('.') && importer ? join(dirname(importer), source) : source;
			if (!path.startsWith(real)) return null;
			return this.resolve(path.replace(real, pseudo), importer, { skipSelf: true });
		}
	};
}
