import type { Browser, Page } from '@playwright/test';
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

/** Opens a fresh Active Listening Sprint for Ada, runs `steps`, and closes her browser. */
async function asAda(
	browser: Browser,
	appUrl: string,
	steps: (ada: Page, seen: ReturnType<typeof scriptsWith>) => Promise<void>,
	words: string
): Promise<void> {
	const ada = await openPerson(browser);
	try {
		const seen = scriptsWith(ada, words);
		await ada.goto(await newRoom(appUrl, 'active-listening-sprint'));
		await steps(ada, seen);
	} finally {
		await ada.context().close();
	}
}

/** Cuts the app's scripts off until `restore()`: a flaky link. */
async function cutScripts(page: Page): Promise<{ restore: () => void }> {
	let offline = true;
	await page.route(APP_SCRIPTS, (route) => (offline ? route.abort('failed') : route.continue()));
	return { restore: () => (offline = false) };
}

/** The card a part shows when its code did not arrive. */
const failedPart = (page: Page) =>
	page.getByRole('alert').filter({ hasText: 'This part of the page did not load' });

test('a phase tool arrives with its step; code that cannot arrive is said, and a retry brings it', async ({
	app,
	browser
}) => {
	// The paraphrase tool's chunk is the one that asks for "Feelings".
	await asAda(
		browser,
		app.url,
		async (ada) => {
			await joinRoom(ada, 'Ada', 'Speaker');
			// From here the next tool's code (Reflect it back, step 3) cannot come, neither fetched
			// ahead while the room is on step 2 nor when step 3 shows it.
			const link = await cutScripts(ada);
			await next(ada, 1);
			await next(ada, 2);
			await expect(failedPart(ada)).toBeVisible();
			await expect(ada.getByLabel('Feelings')).toHaveCount(0);

			// The link is back: the retry asks again, and the tool takes the card's place.
			link.restore();
			await failedPart(ada).getByRole('button', { name: 'Try again' }).click();
			await expect(ada.getByLabel('Feelings')).toBeVisible();
			await expect(failedPart(ada)).toHaveCount(0);
		},
		'Feelings'
	);
});

test('the next step’s tool is fetched ahead: moving on needs no network', async ({
	app,
	browser
}) => {
	// The silence's chunk is the one that says "Return to the silence".
	await asAda(
		browser,
		app.url,
		async (ada, silence) => {
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
			await cutScripts(ada);
			await next(ada, 3);
			await expect(ada.getByRole('dialog', { name: 'A short silence' })).toBeVisible();
			await expect(failedPart(ada)).toHaveCount(0);
		},
		'Return to the silence'
	);
});

test('the room’s own code comes with joining; when it cannot, the retry brings the room', async ({
	app,
	browser
}) => {
	// The joined room's chunk is the one that says "In the room" (its people's heading).
	await asAda(
		browser,
		app.url,
		async (ada, joined) => {
			await expect(ada.getByRole('button', { name: 'Join', exact: true })).toBeVisible();
			// The join screen does without the joined room's code.
			expect(joined.arrived).toBe(false);

			const link = await cutScripts(ada);
			await ada.getByLabel('Your name').fill('Ada');
			await ada.getByRole('button', { name: 'Join', exact: true }).click();
			await expect(failedPart(ada)).toBeVisible();

			link.restore();
			await failedPart(ada).getByRole('button', { name: 'Try again' }).click();
			await expect(ada.getByRole('heading', { name: 'In the room' })).toBeVisible();
			expect(joined.arrived).toBe(true);
		},
		'In the room'
	);
});
