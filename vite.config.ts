import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide-options.js';
import { practiceRoomRealtime } from './server/vite-plugin.ts';

export default defineConfig({
	plugins: [
		// Messages compiled to typed functions, tree-shaken per page (docs/languages.md). Under
		// vitest its watcher keeps the run from exiting; the tests compile once in globalSetup.
		...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)]),
		sveltekit(),
		practiceRoomRealtime()
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
});
