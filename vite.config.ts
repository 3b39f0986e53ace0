import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { practiceRoomRealtime } from './server/vite-plugin.ts';

export default defineConfig({
	plugins: [sveltekit(), practiceRoomRealtime()],
	test: {
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
