import type { Page, WebSocket } from '@playwright/test';
import { expect, newRoom, openPerson, test } from './fixtures';

// Issue 15, first synced state: the room page opens its connections as the app starts, while
// its own code still loads and hydrates (docs/performance.md, "Room page"), and only there.

/** A WebSocket the page opened: its path, the frames it received so far, and whether it closed. */
interface Opened {
	path: string;
	received: (string | Buffer)[];
	closed: boolean;
}

/** Every WebSocket the page opens, from now on, with what it receives from the start. */
function socketsOf(page: Page): Opened[] {
	const sockets: Opened[] = [];
	page.on('websocket', (socket: WebSocket) => {
		const opened: Opened = { path: new URL(socket.url()).pathname, received: [], closed: false };
		socket.on('framereceived', ({ payload }) => opened.received.push(payload));
		socket.on('close', () => (opened.closed = true));
		sockets.push(opened);
	});
	return sockets;
}

/** A socket as a line: which endpoint, and whether it is still open. */
const described = ({ path, closed }: Opened) =>
	`${path.startsWith('/yjs/') ? '/yjs/' : path} ${closed ? 'closed' : 'open'}`;

/** The room page's own code (its route's node: every node but the root layout, 0, and error, 1). */
const ROUTE_NODE = /\/_app\/immutable\/nodes\/(?![01]\.)[^/]+\.js$/;

test('the room page syncs its document and connects its socket before its own code has loaded', async ({
	browser,
	app
}) => {
	const page = await openPerson(browser);
	const sockets = socketsOf(page);
	const released = Promise.withResolvers<void>();
	await page.route(ROUTE_NODE, async (route) => {
		await released.promise;
		await route.continue();
	});
	try {
		const url = await newRoom(app.url, 'active-listening-sprint');
		await page.goto(url, { waitUntil: 'commit' });

		// The page's code is held back, yet the document answered its sync and socket.io its connect.
		const answered = () => ({
			// y-websocket: a sync message (type 0), step 2 (1): the server's answer with the document.
			doc: sockets.some(
				({ path, received }) =>
					path.startsWith('/yjs/') &&
					received.some((frame) => typeof frame !== 'string' && frame[0] === 0 && frame[1] === 1)
			),
			// socket.io: the namespace's connect answer.
			control: sockets.some(
				({ path, received }) =>
					path === '/socket.io/' &&
					received.some((frame) => typeof frame === 'string' && frame.startsWith('40'))
			)
		});
		await expect.poll(answered).toEqual({ doc: true, control: true });
		await expect(page.locator('[data-connection]')).toHaveCount(0);
	} finally {
		released.resolve();
	}

	// The page takes over those connections rather than opening its own.
	await expect(page.locator('[data-connection="live"]')).toBeAttached();
	await expect(page.getByLabel('Your name')).toBeVisible();
	expect(sockets.map(described).sort()).toEqual(['/socket.io/ open', '/yjs/ open']);
	await page.context().close();
});

test('a page that is not a room’s opens no connection', async ({ browser, app }) => {
	const page = await openPerson(browser);
	const sockets = socketsOf(page);
	await page.goto(app.url, { waitUntil: 'networkidle' });
	await expect(page.getByRole('button', { name: 'Start a room' }).first()).toBeVisible();
	// A room that does not exist is a friendly 404, with nothing to connect to.
	await page.goto(`${app.url}/r/AAAAAAAAAAAAAAAAAAAAAA`, { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(sockets).toHaveLength(0);
	await page.context().close();
});
