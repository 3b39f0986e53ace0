import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
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
					environment: 'node'
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
