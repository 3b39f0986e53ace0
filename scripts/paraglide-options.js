// One place for how the messages compile: the Vite plugin (vite.config.ts) and `npm run check`
// (scripts/compile-messages.js, before svelte-check reads the generated types) use the same.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// Never the URL: a room link is one link for everyone, whatever their language. The cookie is
	// what the language switcher sets; then the browser's languages (Accept-Language on the server).
	strategy: ['cookie', 'preferredLanguage', 'baseLocale']
};
