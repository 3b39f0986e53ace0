// What the across-time-zones e2e tests share: starting a room on turns, and hearing a clip.
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Starts a room of `playbookId` across time zones from its playbook page, after `setUp` (the
 * windows) if given. A click that lands before the page has hydrated does nothing, so it is
 * tried again until the room's address shows.
 */
export async function startAcrossTimeZones(
	page: Page,
	appUrl: string,
	playbookId: string,
	setUp?: () => Promise<void>
): Promise<string> {
	await page.goto(`${appUrl}/p/${playbookId}`);
	await page.getByLabel('Run across time zones').check();
	await setUp?.();
	await expect(async () => {
		await page.getByRole('button', { name: 'Start a room' }).click();
		await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/, { timeout: 5_000 });
	}).toPass({ timeout: 60_000 });
	return page.url();
}

/** The region of the room's turns. */
export const turnsOf = (page: Page): Locator =>
	page.getByRole('region', { name: 'Across time zones' });

/** An audio element's duration once it knows it (MediaRecorder's WebM starts as Infinity). */
export async function knownDuration(audio: Locator): Promise<number> {
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration))
		.toBeLessThan(Number.POSITIVE_INFINITY);
	return audio.evaluate((element: HTMLAudioElement) => element.duration);
}

/** Plays a clip and waits until it is playing: the listener hears it. */
export async function playsSome(audio: Locator): Promise<void> {
	await audio.evaluate((element: HTMLAudioElement) => element.play());
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
		.toBeGreaterThan(0);
}
