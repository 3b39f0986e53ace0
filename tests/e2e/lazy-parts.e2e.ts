import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

/** The app's JavaScript after the first screen: every phase tool is such a chunk (issue 18). */
const APP_SCRIPTS = '**/_app/immutable/**/*.js';

/** Presses Next once it has settled after the last move, and waits for `step` (0-based). */
async function next(page: Page, step: number): Promise<void> {
	const forward = page.getByRole('button', { name: /^(Next phase|Start round)/ });
	await expect(forward).not.toHaveAttribute('aria-disabled', 'true');
	await forward.click();
	await expect(page.locator('[data-step]')).toHaveAttribute('data-step', String(step));
}

/**
 * Follows the app's scripts from now on: whether one with `words` in it (a message only one
 * chunk carries) has arrived, and how many requests are still under way.
 */
function scriptsWith(page: Page, words: string): { arrived: boolean; open: number } {
	const seen = { arrived: false, open: 0 };
	const isScript = (url: string) => url.includes('/_app/') && url.endsWith('.js');
	page.on('request', (request) => {
		if (isScript(request.url())) seen.open++;
	});
	page.on('requestfailed', (request) => {
		if (isScript(request.url())) seen.open--;
	});
	page.on('requestfinished', async (request) => {
		if (!isScript(request.url())) return;
		const body = await (await request.response())?.text();
		if (body?.includes(words)) seen.arrived = true;
		seen.open--;
	});
	return seen;
}

test('a phase tool arrives with its step; code that cannot arrive is said, and a retry brings it', async ({
	app,
	browser
}) => {
	const ada = await openPerson(browser);
	try {
		await ada.goto(await newRoom(app.url, 'active-listening-sprint'));
		await joinRoom(ada, 'Ada', 'Speaker');

		// A flaky link from here on: the next tool's code (Reflect it back, step 3) cannot come,
		// neither fetched ahead while the room is on step 2 nor when step 3 shows it.
		let offline = true;
		await ada.route(APP_SCRIPTS, (route) => (offline ? route.abort('failed') : route.continue()));
		await next(ada, 1);
		await next(ada, 2);
		const failed = ada.getByRole('alert').filter({ hasText: 'This part of the page did not load' });
		await expect(failed).toBeVisible();
		await expect(ada.getByLabel('Feelings')).toHaveCount(0);

		// The link is back: the retry asks again, and the tool takes the card's place.
		offline = false;
		await failed.getByRole('button', { name: 'Try again' }).click();
		await expect(ada.getByLabel('Feelings')).toBeVisible();
		await expect(failed).toHaveCount(0);
	} finally {
		await ada.context().close();
	}
});

test('the next step’s tool is fetched ahead: moving on needs no network', async ({
	app,
	browser
}) => {
	const ada = await openPerson(browser);
	try {
		// The silence's chunk is the one that says "Return to the silence".
		const silence = scriptsWith(ada, 'Return to the silence');
		await ada.goto(await newRoom(app.url, 'active-listening-sprint'));
		await joinRoom(ada, 'Ada', 'Speaker');
		await next(ada, 1);
		await expect(ada.locator('[data-step]')).toContainText('Tell the story');
		// Neither the first screen nor the step two before the silence brings it…
		expect(silence.arrived).toBe(false);

		// …the step before does, while the browser is idle…
		await next(ada, 2);
		await expect(ada.getByLabel('Feelings')).toBeVisible();
		await expect.poll(() => silence.arrived && silence.open === 0).toBe(true);

		// …so with no network at all, the step after shows its tool at once.
		await ada.route(APP_SCRIPTS, (route) => route.abort('failed'));
		await next(ada, 3);
		await expect(ada.getByRole('dialog', { name: 'A short silence' })).toBeVisible();
		await expect(ada.getByText('This part of the page did not load')).toHaveCount(0);
	} finally {
		await ada.context().close();
	}
});
