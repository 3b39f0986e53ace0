import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The README's pictures, made from the production build: `npm run build`, then
 * `npx playwright test -c playwright.screenshots.config.ts`. Not part of `npm test`.
 */
export default defineConfig({
	...base,
	testDir: 'tests/screenshots',
	testMatch: '**/*.shots.ts'
});
