import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/** One of the app's files a page loaded: its path under `/_app/`, and its size gzip-compressed. */
export interface AppFile {
	path: string;
	gzipBytes: number;
}

/** What a page loaded of the app's own JavaScript and CSS, gzip-compressed, in bytes. */
export interface AppBytes {
	js: number;
	css: number;
	/** Every file counted, largest first. */
	files: AppFile[];
}

/**
 * Counts the gzip size of the app's JavaScript and CSS (what it serves under `/_app/`) a page
 * loads from now on; the answer waits for the bodies of the responses seen so far. The bench's
 * page figures (bench/browser.ts) and the room page's budget test (tests/e2e/room-start.e2e.ts)
 * both count this way, so the two agree.
 */
export function countAppBytes(page: Page): () => Promise<AppBytes> {
	const bodies: Promise<void>[] = [];
	const files: AppFile[] = [];
	page.on('response', (res) => {
		const url = new URL(res.url());
		if (!url.pathname.includes('/_app/')) return;
		bodies.push(
			res.body().then(
				(body) => void files.push({ path: url.pathname, gzipBytes: gzipSync(body).length }),
				// A response with no body left to read (a redirect, a page closed meanwhile) adds nothing.
				() => {}
			)
		);
	});
	const sum = (extension: string) =>
		files
			.filter(({ path }) => path.endsWith(extension))
			.reduce((total, { gzipBytes }) => total + gzipBytes, 0);
	return async () => {
		await Promise.all(bodies);
		return {
			js: sum('.js'),
			css: sum('.css'),
			files: files.toSorted((a, b) => b.gzipBytes - a.gzipBytes)
		};
	};
}
