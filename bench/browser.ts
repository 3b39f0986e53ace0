import { chromium, type Browser, type Page } from '@playwright/test';
import { countAppBytes } from '../tests/support/app-bytes';
import { createRoom } from '../tests/support/http';
import { AppServer } from '../tests/support/app-server';
import { median } from './stats';

export interface PageFigures {
	/** JavaScript and CSS the room page loads, gzip-compressed, in KiB. */
	jsGzipKiB: number;
	cssGzipKiB: number;
	/** JavaScript the home page loads, gzip-compressed, in KiB. */
	homeJsGzipKiB: number;
	/** Opening a room link to its first synced state, ms (median of runs). */
	firstSyncMs: number;
	firstSyncRuns: number[];
}

/**
 * Opens a fresh room's link in a new browser context (no identity: the join form, as for a
 * newcomer) and waits until the room is live; `observe` is set up before the visit and its
 * answer read after.
 */
async function visitRoom<T>(
	browser: Browser,
	base: string,
	observe: (page: Page) => (() => Promise<T>) | Promise<() => Promise<T>>
): Promise<T> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const read = await observe(page);
		await page.goto((await createRoom(base)).url);
		await page.locator('[data-connection="live"]').waitFor({ state: 'attached', timeout: 10_000 });
		return await read();
	} finally {
		await context.close();
	}
}

/**
 * When the room became live, in ms from navigation start, recorded inside the page: polling from
 * outside would add its own interval to the figure.
 */
async function liveAt(page: Page): Promise<() => Promise<number>> {
	await page.addInitScript(() => {
		const record = () => {
			if (document.querySelector('[data-connection="live"]')) {
				(window as unknown as { liveAt: number }).liveAt = performance.now();
				observer.disconnect();
			}
		};
		const observer = new MutationObserver(record);
		document.addEventListener('DOMContentLoaded', () => {
			observer.observe(document.body, { subtree: true, childList: true, attributes: true });
			record();
		});
	});
	return () => page.evaluate(() => (window as unknown as { liveAt: number }).liveAt);
}

/**
 * Serves the production build (`build/main.js`), opens the home page once and a room link in
 * headless Chromium several times, and measures what the pages load and when the room is first
 * live (document synced and socket connected).
 */
export async function measureRoomPage(runs = 5): Promise<PageFigures> {
	const server = await AppServer.start();
	const base = server.url;
	try {
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update'
			]
		});
		const home = await browser.newContext();
		const homePage = await home.newPage();
		const homeBytes = countAppBytes(homePage);
		await homePage.goto(base, { waitUntil: 'networkidle' });
		const { js: homeJs } = await homeBytes();
		await home.close();

		// The bytes are counted on a visit of their own, the server's first (and coldest) room
		// visit; the five timed visits only record when the room went live.
		const { js, css } = await visitRoom(browser, base, countAppBytes);
		const firstSyncRuns: number[] = [];
		for (let run = 0; run < runs; run++) {
			firstSyncRuns.push(await visitRoom(browser, base, liveAt));
		}
		await browser.close();
		return {
			jsGzipKiB: js / 1024,
			cssGzipKiB: css / 1024,
			homeJsGzipKiB: homeJs / 1024,
			firstSyncMs: median(firstSyncRuns),
			firstSyncRuns
		};
	} finally {
		await server.dispose();
	}
}
