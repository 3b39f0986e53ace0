import { defineConfig } from '@playwright/test';

/** Chromium comes from Debian (/usr/bin/chromium); Playwright cannot download its own here. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How every test's Chromium starts; a test file may add flags (the fake microphone). */
export const CHROMIUM_LAUNCH = {
	executablePath,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-quic',
		'--no-first-run',
		'--disable-sync'
	]
};

/** Chromium with its fake microphone (a beeping tone), no permission prompt, and clips that
 * play without a click: for the voice specs, through `test.use({ launchOptions })`. */
export const FAKE_MICROPHONE_LAUNCH = {
	...CHROMIUM_LAUNCH,
	args: [
		...CHROMIUM_LAUNCH.args,
		'--use-fake-device-for-media-stream',
		'--use-fake-ui-for-media-stream',
		'--autoplay-policy=no-user-gesture-required'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	use: {
		launchOptions: CHROMIUM_LAUNCH,
		trace: 'retain-on-failure'
	}
});
