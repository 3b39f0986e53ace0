import type { Locator, Page } from '@playwright/test';
import { FAKE_MICROPHONE_LAUNCH } from '../../playwright.config';
import { sqliteBytes } from '../support/stored-bytes';
import { expectAccessible } from './axe';
import { expect, hostRoom, joinRoom, openPerson, test } from './fixtures';
import { startRoomFromLibrary } from './start-room';

test.use({ launchOptions: FAKE_MICROPHONE_LAUNCH });

const phaseOf = (page: Page) => page.locator('[data-step]');
const storyOf = (page: Page) => page.getByRole('region', { name: 'The story by voice' });

async function next(pages: Page[], step: string) {
	await pages[0]!.getByRole('button', { name: /^(Next phase|Start round)/ }).click();
	for (const page of pages) await expect(phaseOf(page)).toContainText(step);
}

/** Records a take with the fake microphone until the countdown shows `left` (3:00 less the take). */
async function recordTake(page: Page, left: string, button: 'Record' | 'Record again') {
	const story = storyOf(page);
	await story.getByRole('button', { name: button, exact: true }).click();
	await expect(story.getByRole('timer')).toHaveText(`${left} left`);
	await story.getByRole('button', { name: 'Stop', exact: true }).click();
	await expect(story.getByRole('figure', { name: 'Your take, not sent yet' })).toBeVisible();
}

/** An audio element's duration once it knows it (MediaRecorder's WebM starts as Infinity). */
async function knownDuration(audio: Locator): Promise<number> {
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration), {
			message: 'the clip’s duration to be known'
		})
		.toBeLessThan(Number.POSITIVE_INFINITY);
	return audio.evaluate((element: HTMLAudioElement) => element.duration);
}

test('[B1] [B2] [B7] the speaker records, listens back, records again and sends; the listener plays it; erase leaves no clip', async ({
	app,
	browser
}) => {
	const a = await openPerson(browser);
	const b = await openPerson(browser, { clockShiftMs: 60 * 60 * 1000 });
	const roomUrl = await hostRoom(a, app.url, 'Ada');
	await b.goto(roomUrl);
	await joinRoom(b, 'Bo', 'Listener');
	await next([a, b], 'Step 2 of 10');
	await next([a, b], 'Step 3 of 10');

	// Only the speaker records; the listener sees nothing until there is a clip.
	await expect(storyOf(b)).toHaveCount(0);
	await recordTake(a, '2:58', 'Record');
	const preview = storyOf(a).getByRole('figure', { name: 'Your take, not sent yet' });
	expect(await knownDuration(preview.locator('audio'))).toBeGreaterThan(1.5);
	// Not satisfied: another take replaces it before anything is sent.
	await recordTake(a, '2:57', 'Record again');
	expect(await knownDuration(preview.locator('audio'))).toBeGreaterThan(2.5);
	await storyOf(a).getByRole('button', { name: 'Send this take' }).click();
	await expect(preview).toHaveCount(0);

	// The listener, an hour ahead on their own clock, plays it.
	const clip = storyOf(b).getByRole('figure', { name: /^Recording by Ada, \d+ s/ });
	await expect(clip).toBeVisible();
	const audio = clip.locator('audio');
	await audio.evaluate((element: HTMLAudioElement) => element.play());
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
		.toBeGreaterThan(0.2);
	expect(await knownDuration(audio)).toBeGreaterThan(2.5);
	const firstUrl = new URL((await audio.getAttribute('src'))!, roomUrl).href;
	expect((await fetch(firstUrl)).status).toBe(200);

	// A take after sending replaces the sent one: its clip is deleted from the server.
	await recordTake(a, '2:58', 'Record again');
	await storyOf(a).getByRole('button', { name: 'Send this take' }).click();
	await expect
		.poll(async () => new URL((await audio.getAttribute('src'))!, roomUrl).href)
		.not.toBe(firstUrl);
	await expect.poll(async () => (await fetch(firstUrl)).status).toBe(404);
	const secondUrl = new URL((await audio.getAttribute('src'))!, roomUrl).href;
	const bytes = Buffer.from(await (await fetch(secondUrl)).arrayBuffer());
	// A stretch of the recording's own bytes, to look for in the store.
	const trace = bytes.subarray(bytes.length - 48).toString('latin1');
	expect(sqliteBytes(app.dataDir).includes(trace), 'the clip is in the store').toBe(true);

	await a.getByRole('button', { name: 'End and erase the room', exact: true }).click();
	await a.getByRole('button', { name: 'Erase now', exact: true }).click();
	await expect(a.getByRole('heading', { name: 'This room has been erased' })).toBeVisible();
	expect((await fetch(secondUrl)).status).toBe(404);
	expect(sqliteBytes(app.dataDir).includes(trace), 'the clip’s bytes are gone').toBe(false);
	await a.context().close();
	await b.context().close();
});

test('a refused microphone says so and the story can still be written; on a phone nothing overflows', async ({
	app,
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await context.addInitScript(() => {
		navigator.mediaDevices.getUserMedia = () =>
			Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
	});
	const page = await context.newPage();
	await startRoomFromLibrary(page, app.url, 'active-listening-sprint');
	await page.getByLabel('Your name').fill('Ada');
	await page.getByRole('radio', { name: /Speaker/ }).check();
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await page.getByRole('button', { name: 'I agree' }).click();
	await next([page], 'Step 2 of 10');
	await next([page], 'Step 3 of 10');
	const story = storyOf(page);
	await story.getByRole('button', { name: 'Record', exact: true }).click();
	await expect(story.getByRole('alert')).toContainText('The microphone is blocked');
	await page.getByLabel('Feelings').fill('Written instead.');
	await expect(page.getByLabel('Feelings')).toHaveValue('Written instead.');
	const wider = await story.evaluate((section) =>
		[section, ...section.querySelectorAll('*')]
			.filter((element) => element.getBoundingClientRect().right > window.innerWidth)
			.map((element) => element.outerHTML.slice(0, 80))
	);
	expect(wider).toEqual([]);
	await expectAccessible(page);
	await context.close();
});
