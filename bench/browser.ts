import { chromium, type Browser, type Page } from '@playwright/test';
import { countAppBytes } from '../tests/support/app-bytes';
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

/** A fresh room, as `POST /api/rooms` makes one for the first built-in playbook. */
async function newRoom(base: string): Promise<string> {
	const response = await fetch(`${base}/api/rooms`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ playbookId: 'active-listening-sprint' })
	});
	return ((await response.json()) as { id: string }).id;
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
		await page.goto(`${base}/r/${await newRoom(base)}`);
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

		// The bytes are counted on a visit of their own: reading every response's body back over
		// the DevTools protocol while the page loads competes with the page for the machine's
		// cores, and the timed visits measure the page alone (docs/performance.md).
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
