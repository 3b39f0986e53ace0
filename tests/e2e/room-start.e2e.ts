import type { Page, WebSocket } from '@playwright/test';
import { countAppBytes, type AppFile } from '../support/app-bytes';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

// Issue 15, first synced state: the room page opens its connections as the app starts, while
// its own code still loads and hydrates (docs/performance.md, "Room page"), and only there.
// Issue 18, the page budget: what a newcomer's first screen loads stays within 150 KiB of
// JavaScript, gzip ("Back within the page budget").

/** A WebSocket the page opened: its path, the frames it sent and received so far, and whether it closed. */
interface Opened {
	path: string;
	sent: (string | Buffer)[];
	received: (string | Buffer)[];
	closed: boolean;
}

/** Every WebSocket the page opens, from now on, with what it receives from the start. */
function socketsOf(page: Page): Opened[] {
	const sockets: Opened[] = [];
	page.on('websocket', (socket: WebSocket) => {
		const opened: Opened = {
			path: new URL(socket.url()).pathname,
			sent: [],
			received: [],
			closed: false
		};
		socket.on('framesent', ({ payload }) => opened.sent.push(payload));
		socket.on('framereceived', ({ payload }) => opened.received.push(payload));
		socket.on('close', () => (opened.closed = true));
		sockets.push(opened);
	});
	return sockets;
}

/** A socket as a line: which endpoint, and whether it is still open. */
const described = ({ path, closed }: Opened) =>
	`${path.startsWith('/yjs/') ? '/yjs/' : path} ${closed ? 'closed' : 'open'}`;

/** Whether the document answered its sync, and socket.io its connect, on the sockets opened so far. */
const answeredOf = (sockets: Opened[]) => ({
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

/** The socket.io events the page sent, by name, in order. */
const eventsSent = (sockets: Opened[]) =>
	sockets
		.filter(({ path }) => path === '/socket.io/')
		.flatMap(({ sent }) => sent)
		.flatMap((frame) => {
			const event = typeof frame === 'string' ? /^42\d*\["([^"]+)"/.exec(frame) : null;
			return event?.[1] ? [event[1]] : [];
		});

/** The room page's own code (its route's node: every node but the root layout, 0, and error, 1). */
const ROUTE_NODE = /\/_app\/immutable\/nodes\/(?![01]\.)[^/]+\.js$/;

/** Holds the room page's own code back; it loads once the returned function is called. */
async function holdRoomCode(page: Page): Promise<() => void> {
	const released = Promise.withResolvers<void>();
	await page.route(ROUTE_NODE, async (route) => {
		await released.promise;
		await route.continue();
	});
	return () => released.resolve();
}

test('the room page syncs its document and connects its socket before its own code has loaded', async ({
	browser,
	app
}) => {
	const page = await openPerson(browser);
	const sockets = socketsOf(page);
	const release = await holdRoomCode(page);
	try {
		const url = await newRoom(app.url, 'active-listening-sprint');
		await page.goto(url, { waitUntil: 'commit' });

		// The page's code is held back, yet the document answered its sync and socket.io its connect.
		const answered = () => answeredOf(sockets);
		await expect.poll(answered).toEqual({ doc: true, control: true });
		await expect(page.locator('[data-connection]')).toHaveCount(0);
	} finally {
		release();
	}

	// The page takes over those connections rather than opening its own.
	await expect(page.locator('[data-connection="live"]')).toBeAttached();
	await expect(page.getByLabel('Your name')).toBeVisible();
	expect(sockets.map(described).sort()).toEqual(['/socket.io/ open', '/yjs/ open']);
	await page.context().close();
});

/** The scripts a page's `Link` header preloads (`rel="modulepreload"`), as absolute URLs. */
const modulePreloads = (link: string | undefined, pageUrl: string): Set<string> =>
	new Set(
		(link ?? '')
			.split(',')
			.filter((entry) => entry.includes('rel="modulepreload"'))
			.flatMap((entry) => {
				const target = /<([^>]+)>/.exec(entry)?.[1];
				return target ? [new URL(target, pageUrl).href] : [];
			})
	);

test('the code that opens the room’s connections comes with the page’s first preloads', async ({
	browser,
	app
}) => {
	// A module fetched only when an earlier one asks for it costs a round trip on a phone's
	// network (SvelteKit left the session out of the room page's preloads while a lazy part reached
	// it first: docs/performance.md, "The room page against its own past").
	const page = await openPerson(browser);
	const devtools = await page.context().newCDPSession(page);
	const openers: string[] = [];
	devtools.on('Network.webSocketCreated', ({ initiator }) => {
		const frame = initiator?.stack?.callFrames.find(({ url }) => url.includes('/_app/'));
		openers.push(frame?.url ?? 'no script on the stack');
	});
	await devtools.send('Network.enable');
	try {
		const url = await newRoom(app.url, 'active-listening-sprint');
		const response = await page.goto(url);
		const preloaded = modulePreloads(response?.headers()['link'], url);
		await expect(page.locator('[data-connection="live"]')).toBeAttached();
		await expect.poll(() => openers.length).toBe(2);
		expect(openers.filter((opener) => !preloaded.has(opener))).toEqual([]);
	} finally {
		await page.context().close();
	}
});

/** Issue 18: the app's JavaScript, gzip, a newcomer's first screen of a room may load. */
const ROOM_PAGE_JS_BUDGET_KIB = 150;

/** Sizes in KiB, one decimal, as docs/performance.md and the bench give them. */
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** The largest files, to say where to look when the page is over its budget. */
const largest = (files: AppFile[]) =>
	files
		.filter(({ path }) => path.endsWith('.js'))
		.slice(0, 8)
		.map(({ path, gzipBytes }) => `${kib(gzipBytes)} ${path.replace(/^.*\/_app\//, '')}`)
		.join(', ');

test(`a newcomer opening a room link loads at most ${ROOM_PAGE_JS_BUDGET_KIB} KiB of the app’s JavaScript, gzip`, async ({
	browser,
	app
}) => {
	// The bench's page figure (bench/browser.ts), in bytes rather than time: a fresh browser, the
	// production build, a new room's link, counted until the room is live and the join form shows.
	const page = await openPerson(browser);
	try {
		const loaded = countAppBytes(page);
		await page.goto(await newRoom(app.url, 'active-listening-sprint'));
		await expect(page.locator('[data-connection="live"]')).toBeAttached();
		await expect(page.getByLabel('Your name')).toBeVisible();
		const { js, files } = await loaded();
		// The figure in the report, passing or not, as the bench would give it.
		test
			.info()
			.annotations.push({ type: 'room page JavaScript (gzip)', description: `${kib(js)} KiB` });
		expect(
			js / 1024,
			`the room page's first screen loads ${kib(js)} KiB of JavaScript (gzip), over its ${ROOM_PAGE_JS_BUDGET_KIB} KiB budget; largest: ${largest(files)}`
		).toBeLessThanOrEqual(ROOM_PAGE_JS_BUDGET_KIB);
	} finally {
		await page.context().close();
	}
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

test('a returning person’s page, opened early, joins without first watching the room as a stranger', async ({
	browser,
	app
}) => {
	const page = await openPerson(browser);
	const url = await newRoom(app.url, 'active-listening-sprint');
	await page.goto(url);
	await joinRoom(page, 'Ana');

	// Reload with the page's code held back until socket.io has connected: the early session
	// connects first, and the join the page sends after hydrating is the only room request.
	const sockets = socketsOf(page);
	const release = await holdRoomCode(page);
	try {
		await page.reload({ waitUntil: 'commit' });
		await expect.poll(() => answeredOf(sockets).control).toBe(true);
	} finally {
		release();
	}
	await expect(page.locator('[data-connection="live"]')).toBeAttached();
	await expect(page.getByRole('heading', { name: 'In the room' })).toBeVisible();
	expect(eventsSent(sockets).filter((event) => event.startsWith('room:'))).toEqual(['room:join']);
	await page.context().close();
});
