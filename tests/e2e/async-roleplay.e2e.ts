// Issue 17 end to end for Role-Play with Reality run across time zones, on phones: the
// practitioner records a line, records it again until it sounds right and sends it; the
// counterpart, in another time zone an hour later (the browser's clock through page.clock, the
// server's through ROOM_CLOCK_OFFSET_MS and a restart), plays it and answers in role by voice;
// the room moves on to the harvest, which plays the conversation back; the summary lists the
// lines said by voice; erasing the room erases their clips.
import type { Browser, Locator, Page } from '@playwright/test';
import { FAKE_MICROPHONE_LAUNCH } from '../../playwright.config';
import { AppServer } from '../support/app-server';
import { knownDuration, playsSome, startAcrossTimeZones, turnsOf } from './turns';
import { expect, test } from './fixtures';

test.use({ launchOptions: FAKE_MICROPHONE_LAUNCH });

const HOUR = 3_600_000;
const PHONE = { width: 390, height: 844 };

async function phoneIn(browser: Browser, timezoneId: string): Promise<Page> {
	const context = await browser.newContext({ timezoneId, viewport: PHONE, hasTouch: true });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

const scriptOf = (page: Page) => page.getByRole('region', { name: 'Script' });
const recorderOf = (page: Page) => page.getByRole('region', { name: 'Say your line by voice' });
const replayOf = (page: Page) => page.getByRole('region', { name: 'The role-play so far' });

/** Joins as a phone does: the roster's "In the room" waits under the People tab. */
async function joinOnPhone(page: Page, name: string, role: string): Promise<void> {
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('radio', { name: new RegExp(role) }).check();
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await page.getByRole('button', { name: 'I agree' }).click();
	await expect(page.locator('[data-step]')).toBeVisible();
}

/**
 * The room fits the phone: nothing in it reaches past the screen's edge, so nothing scrolls
 * sideways. (The site header above it is the layout's, checked in layout-*.e2e.ts.)
 */
async function fitsThePhone(page: Page): Promise<void> {
	const wider = await page.evaluate(
		(width) =>
			[...document.querySelectorAll('main *')]
				.filter((element) => element.getBoundingClientRect().right > width)
				.map((element) => element.outerHTML.slice(0, 80)),
		PHONE.width
	);
	expect(wider, 'the room reaches past the phone’s screen').toEqual([]);
}

/** `control` lies wholly on the phone's screen, wide enough to tap. */
async function onScreen(control: Locator): Promise<void> {
	const box = await control.boundingBox();
	expect(box, 'the control is laid out').not.toBeNull();
	if (!box) return;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
	expect(box.height, 'a touch target (44 px)').toBeGreaterThanOrEqual(44);
}

/** Records a line, stops it, and sees the take to listen to before sending. */
async function recordLine(recorder: Locator, button: 'Record' | 'Record again'): Promise<void> {
	await recorder.getByRole('button', { name: button, exact: true }).click();
	await expect(recorder.getByRole('timer')).toHaveText(/2:5\d left/);
	await recorder.getByRole('button', { name: 'Stop', exact: true }).click();
	await expect(recorder.getByRole('figure', { name: 'Your take, not sent yet' })).toBeVisible();
}

test('[A24] [A25] [A26] [A27] a role-play across time zones on phones: a line recorded twice and sent, an answer in role an hour later, the replay, the summary, and erase', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const app = await AppServer.start({ env: { LEAVE_GRACE_MS: '0' } });
	try {
		// A, in Berlin, starts Role-Play with Reality across time zones and sets the scene.
		const a = await phoneIn(browser, 'Europe/Berlin');
		const roomUrl = await startAcrossTimeZones(a, app.url, 'role-play-with-reality');
		await joinOnPhone(a, 'Ada', 'Practitioner');
		await expect(turnsOf(a)).toContainText('Your turn: Set the scene');
		await turnsOf(a).getByRole('button', { name: 'I’ve taken my turn' }).click();
		await expect(turnsOf(a)).toContainText('Your turn: Play it, pause and rewind');

		// A records the opening line, listens, records it again, and sends the second take.
		const recorder = recorderOf(a);
		await onScreen(recorder.getByRole('button', { name: 'Record', exact: true }));
		await recordLine(recorder, 'Record');
		await recordLine(recorder, 'Record again');
		await onScreen(recorder.getByRole('button', { name: 'Send this take' }));
		await fitsThePhone(a);
		await recorder.getByRole('button', { name: 'Send this take' }).click();
		const opening = scriptOf(a).getByRole('figure', { name: /^Voice line by Ada, \d+ sec$/ });
		await expect(opening).toHaveCount(1);
		await expect(recorder.getByRole('figure', { name: 'Your take, not sent yet' })).toHaveCount(0);
		await fitsThePhone(a);

		// An hour later by the server's clock (restarted, as a deploy would) and by B's.
		await app.restart('SIGTERM', { ROOM_CLOCK_OFFSET_MS: String(HOUR) });
		const b = await phoneIn(browser, 'America/Los_Angeles');
		await b.clock.install({ time: Date.now() + HOUR });
		await b.goto(roomUrl);
		await joinOnPhone(b, 'Bo', 'Counterpart');
		await expect(turnsOf(b)).toContainText('Your turn: Play it, pause and rewind');

		// B plays A's line in the script and answers in role by voice.
		const heard = scriptOf(b).getByRole('figure', { name: /^Voice line by Ada/ });
		const audio = heard.locator('audio');
		// It loads only when played (A24): the caption says how long it is before.
		await playsSome(audio);
		expect(await knownDuration(audio)).toBeGreaterThan(0);
		const clipUrl = new URL((await audio.getAttribute('src')) ?? '', roomUrl).href;
		// The line's own actions stay in reach on the phone: star it, rewind to it.
		await onScreen(audio);
		await onScreen(scriptOf(b).getByRole('button', { name: 'Star line 1' }));
		await onScreen(scriptOf(b).getByRole('button', { name: 'Rewind to line 1' }));
		// B stars A's opening, its words not written down: the summary names the voice line.
		await scriptOf(b).getByRole('button', { name: 'Star line 1' }).click();
		await expect(scriptOf(a).getByRole('button', { name: 'Unstar line 1' })).toBeVisible();
		await recordLine(recorderOf(b), 'Record');
		await recorderOf(b).getByRole('button', { name: 'Send this take' }).click();
		await expect(scriptOf(b).getByRole('figure', { name: /^Voice line by Bo/ })).toBeVisible();
		await expect(scriptOf(a).getByRole('figure', { name: /^Voice line by Bo/ })).toBeVisible();
		await fitsThePhone(b);
		await turnsOf(b).getByRole('button', { name: 'I’ve taken my turn' }).click();
		await expect(turnsOf(b)).toContainText('You’ve taken your turn');

		// A takes the turn too: the room moves on to the harvest, which plays the role-play back.
		await turnsOf(a).getByRole('button', { name: 'I’ve taken my turn' }).click();
		await expect(turnsOf(b)).toContainText('Your turn: Harvest what worked');
		const replay = replayOf(b);
		await expect(replay.getByRole('figure')).toHaveCount(2);
		const replayed = replay.getByRole('figure', { name: /^Voice line by Ada/ }).locator('audio');
		await playsSome(replayed);
		expect(await knownDuration(replayed)).toBeGreaterThan(0);
		// A clip nobody played has cost no request: every viewer's browser loads only what it plays.
		const unplayed = replay.getByRole('figure', { name: /^Voice line by Bo/ }).locator('audio');
		await expect(unplayed).toHaveAttribute('preload', 'none');
		expect(await unplayed.evaluate((element: HTMLAudioElement) => element.readyState)).toBe(0);
		await onScreen(replayed);
		await fitsThePhone(b);
		await b.context().close();

		// The summary lists both lines said by voice, never their audio.
		await a.goto(`${roomUrl}/summary`);
		await expect(a.getByText(/Ada’s line in the role-play: voice clip, 0:0\d/)).toBeVisible();
		await expect(a.getByText(/Bo’s line in the role-play: voice clip, 0:0\d/)).toBeVisible();
		await expect(a.locator('main audio')).toHaveCount(0);
		await expect(
			a.getByRole('listitem').filter({ hasText: /^Ada’s voice line, 0:0\d \(Practitioner\)$/ })
		).toHaveCount(1);

		// Erase: the clip's URL answers 404.
		expect((await fetch(clipUrl)).status).toBe(200);
		await a.goto(roomUrl);
		// On a phone erasing waits under More.
		await a.getByRole('tab', { name: 'More' }).click();
		await a.getByRole('button', { name: 'End and erase the room', exact: true }).click();
		await a.getByRole('button', { name: 'Erase now', exact: true }).click();
		await expect(a.getByRole('heading', { name: 'This room has been erased' })).toBeVisible();
		expect((await fetch(clipUrl)).status).toBe(404);
		await a.context().close();
	} finally {
		await app.dispose();
	}
});
