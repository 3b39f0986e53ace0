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
 * loads from now on. The page's requests are only noted; the answer fetches each file again
 * from Node and compresses it: the files are immutable, and reading bodies back over the DevTools
 * protocol would compete with the page while it loads, and can fail for a body the browser has
 * already let go (answered as a missing file, never as 0 bytes). The bench's page figures
 * (bench/browser.ts) and the room page's budget test (tests/e2e/room-start.e2e.ts) both count
 * this way, so the two agree.
 */
export function countAppBytes(page: Page): () => Promise<AppBytes> {
	const urls = new Set<string>();
	page.on('response', (response) => {
		const url = new URL(response.url());
		if (url.pathname.includes('/_app/') && response.ok()) urls.add(url.href);
	});
	return async () => {
		const files = await Promise.all(
			[...urls].map(async (url): Promise<AppFile> => {
				const response = await fetch(url);
				if (!response.ok) throw new Error(`${url} answered ${response.status} when counted`);
				const body = Buffer.from(await response.arrayBuffer());
				return { path: new URL(url).pathname, gzipBytes: gzipSync(body).length };
			})
		);
		const sum = (extension: string) =>
			files
				.filter(({ path }) => path.endsWith(extension))
				.reduce((total, { gzipBytes }) => total + gzipBytes, 0);
		return {
			js: sum('.js'),
			css: sum('.css'),
			files: files.toSorted((a, b) => b.gzipBytes - a.gzipBytes)
		};
	};
}
