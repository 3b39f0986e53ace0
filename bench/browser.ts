import { chromium } from '@playwright/test';
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

		const firstSyncRuns: number[] = [];
		let js = 0;
		let css = 0;
		for (let run = 0; run < runs; run++) {
			const response = await fetch(`${base}/api/rooms`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ playbookId: 'active-listening-sprint' })
			});
			const { id } = (await response.json()) as { id: string };
			const context = await browser.newContext();
			// Record the moment the room is live inside the page: polling from outside would add
			// its own interval to the figure.
			await context.addInitScript(() => {
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
			const page = await context.newPage();
			const bytes = countAppBytes(page);
			await page.goto(`${base}/r/${id}`);
			await page
				.locator('[data-connection="live"]')
				.waitFor({ state: 'attached', timeout: 10_000 });
			firstSyncRuns.push(
				await page.evaluate(() => (window as unknown as { liveAt: number }).liveAt)
			);
			({ js, css } = await bytes());
			await context.close();
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
