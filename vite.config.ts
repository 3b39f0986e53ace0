import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide-options.js';
import {
	pseudoLocaleMessages,
	pseudoParaglideOptions,
	writePseudoProject
} from './scripts/pseudo-locale.js';
import { practiceRoomRealtime } from './server/vite-plugin.ts';

// PSEUDO_LOCALE=1 (tests/e2e/pseudo-locale.e2e.ts): every message wrapped in ⟦…⟧, compiled to
// its own folder, which $lib/paraglide then means; src/lib/paraglide stays as it is.
const pseudo = process.env.PSEUDO_LOCALE === '1';
if (pseudo) writePseudoProject();

export default defineConfig(({ mode }) => ({
	plugins: [
		// Messages compiled to typed functions, tree-shaken per page (docs/languages.md). Under
		// vitest (mode 'test') its watcher keeps the run from exiting; the tests compile once in
		// globalSetup. Not by VITEST in the environment: the servers and builds the tests start
		// (a fresh clone's `npm start`, `vite dev`) inherit it and need the plugin.
		...(mode === 'test'
			? []
			: [paraglideVitePlugin(pseudo ? pseudoParaglideOptions : paraglideOptions)]),
		sveltekit(),
		practiceRoomRealtime(),
		...(pseudo ? [pseudoLocaleMessages()] : [])
	],
	optimizeDeps: {
		// zod's words per language are imported when a page starts (src/lib/i18n/zod-locale.ts,
		// from hooks.client.ts, which the dev server's scan does not reach): found only then, they
		// were optimized on the first page's load, and the dev server reloaded that page.
		include: ['zod/v4/locales/en.js', 'zod/v4/locales/de.js', 'zod/v4/locales/es.js']
	},
	test: {
		globalSetup: ['tests/support/compile-messages.ts'],
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: [
						'src/**/*.test.ts',
						'server/**/*.test.ts',
						'bench/**/*.test.ts',
						'scripts/**/*.test.ts'
					],
					exclude: [...configDefaults.exclude, '**/*.dom.test.ts'],
					environment: 'node'
				}
			},
			{
				// Components mounted in a DOM with the browser build of Svelte, so effects run:
				// what follows time or events after the first render (a server render cannot show).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'dom',
					include: ['src/**/*.dom.test.ts'],
					environment: 'happy-dom'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 30_000
				}
			}
		]
	}
}));
