// What the across-time-zones tests share: a person in a time zone, an hour or more later, the
// room's turns card, and voice clips recorded with the fake microphone.
import type { Browser, Locator, Page } from '@playwright/test';
import { AppServer } from '../support/app-server';
import { expect } from './fixtures';

export const HOUR = 3_600_000;

/** A fresh browser context in `timezoneId`, with page errors in the test's log. */
export async function personIn(browser: Browser, timezoneId: string): Promise<Page> {
	const context = await browser.newContext({ timezoneId, viewport: { width: 1200, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

/**
 * `offsetMs` later by the server's clock (restarted, as a deploy would) and by a new person's in
 * `timezoneId`, who opens `roomUrl`.
 */
export async function personLater(
	app: AppServer,
	browser: Browser,
	timezoneId: string,
	offsetMs: number,
	roomUrl: string
): Promise<Page> {
	await app.restart('SIGTERM', { ROOM_CLOCK_OFFSET_MS: String(offsetMs) });
	const page = await personIn(browser, timezoneId);
	await page.clock.install({ time: Date.now() + offsetMs });
	await page.goto(roomUrl);
	return page;
}

/** The room's card of turns across time zones. */
export const turnsOf = (page: Page) => page.getByRole('region', { name: 'Across time zones' });

/** An audio element's duration once it knows it (MediaRecorder's WebM starts as Infinity). */
export async function knownDuration(audio: Locator): Promise<number> {
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration))
		.toBeLessThan(Number.POSITIVE_INFINITY);
	return audio.evaluate((element: HTMLAudioElement) => element.duration);
}

/** Records a take in `region` with the fake microphone, sends it, and waits for `name`'s clip. */
export async function recordIn(region: Locator, name: string): Promise<void> {
	await region.getByRole('button', { name: 'Record', exact: true }).click();
	await expect(region.getByRole('timer')).toHaveText('2:58 left');
	await region.getByRole('button', { name: 'Stop', exact: true }).click();
	await region.getByRole('button', { name: 'Send this take' }).click();
	await expect(
		region.getByRole('figure', { name: new RegExp(`^Recording by ${name}`) })
	).toBeVisible();
}

/**
 * Starts `playbookId` across time zones from its page, with the windows `hours` names (by the
 * field's label) and the others as they come, and answers the room's address. A click before
 * the page hydrated does nothing, so it is tried again until the address shows.
 */
export async function startAcrossTimeZones(
	page: Page,
	appUrl: string,
	playbookId: string,
	hours: Record<string, string> = {}
): Promise<string> {
	await page.goto(`${appUrl}/p/${playbookId}`);
	await page.getByLabel('Run across time zones').check();
	for (const [label, value] of Object.entries(hours)) await page.getByLabel(label).fill(value);
	await expect(async () => {
		await page.getByRole('button', { name: 'Start a room' }).click();
		await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/, { timeout: 5_000 });
	}).toPass({ timeout: 60_000 });
	return page.url();
}

/** Plays a clip and waits until it is playing: the listener hears it. */
export async function playsSome(audio: Locator): Promise<void> {
	await audio.evaluate((element: HTMLAudioElement) => element.play());
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
		.toBeGreaterThan(0);
}
