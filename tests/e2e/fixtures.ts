import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { AppServer } from '../support/app-server';

export { expect };

/** Shifts the page's wall clock (Date) by `shiftMs`, as on a device whose clock is wrong. */
function shiftClock(shiftMs: number): void {
	const RealDate = Date;
	class ShiftedDate extends RealDate {
		constructor(...args: [] | ConstructorParameters<typeof Date>) {
			if (args.length === 0) super(RealDate.now() + shiftMs);
			else super(...(args as ConstructorParameters<typeof Date>));
		}
		static override now(): number {
			return RealDate.now() + shiftMs;
		}
	}
	globalThis.Date = ShiftedDate as DateConstructor;
}

/** Counts chimes: every oscillator started by Web Audio is recorded on the window. */
function recordChimes(): void {
	const start = OscillatorNode.prototype.start;
	(window as unknown as { chimes: number }).chimes = 0;
	OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
		(window as unknown as { chimes: number }).chimes++;
		return start.apply(this, args);
	};
}

/**
 * Waits until the page has hydrated (SvelteKit adds its route announcer then): before, a control
 * is plain HTML and a choice in it does what the page's script would not.
 */
export async function hydrated(page: Page): Promise<void> {
	await expect(page.locator('#svelte-announcer')).toBeAttached();
}

/** Someone in a browser context of their own, at a desktop's screen unless `viewport` says. */
export async function openPerson(
	browser: Browser,
	options: { clockShiftMs?: number; viewport?: { width: number; height: number } } = {}
): Promise<Page> {
	const context = await browser.newContext({
		viewport: options.viewport ?? { width: 1200, height: 900 }
	});
	if (options.clockShiftMs) await context.addInitScript(shiftClock, options.clockShiftMs);
	await context.addInitScript(recordChimes);
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

/**
 * Opens people like `openPerson`, each closed after the test whatever happened: call once at a
 * spec's top level, then `person(browser)` in its tests.
 */
export function peopleClosedAfterEach(): (browser: Browser) => Promise<Page> {
	const opened: Page[] = [];
	test.afterEach(async () => {
		for (const page of opened.splice(0)) await page.context().close();
	});
	return async (browser) => {
		const page = await openPerson(browser);
		opened.push(page);
		return page;
	};
}

/**
 * Joins from the join form, with the suggested role unless one is named, and confirms the
 * playbook's agreements unless told not to.
 */
export async function joinRoom(
	page: Page,
	name: string,
	role?: string,
	options: { agree?: boolean } = {}
): Promise<void> {
	await page.getByLabel('Your name').fill(name);
	if (role) await page.getByRole('radio', { name: new RegExp(role) }).check();
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	// Joined: the form is gone and the pause is offered, on a phone too (where the roster sits
	// behind the People tab).
	await expect(page.getByLabel('Your name')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Pause for everyone' })).toBeVisible();
	if (options.agree ?? true) {
		await page.getByRole('button', { name: 'I agree' }).click();
		await expect(page.locator('[data-step]')).toBeVisible();
	}
}

/**
 * Starts a room from the library's Active Listening Sprint card, as a host does (so this browser
 * holds the host key), joins as Speaker and answers the room's link.
 */
export async function hostRoom(page: Page, appUrl: string, name: string): Promise<string> {
	await page.goto(appUrl);
	const card = page.locator('[data-playbook="active-listening-sprint"]');
	await card.getByRole('button', { name: 'Start a room' }).click();
	await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
	await joinRoom(page, name, 'Speaker');
	await expect(page.getByRole('heading', { name: 'You are the host' })).toBeVisible();
	return page.url();
}

/** Opens a fresh room of `playbookId` and answers its link. */
export async function newRoom(
	appUrl: string,
	playbookId: string,
	/** The rest of the request, e.g. `{ async: {} }` for a room run across time zones. */
	options: Record<string, unknown> = {}
): Promise<string> {
	const response = await fetch(`${appUrl}/api/rooms`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...options, playbookId })
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { url: string }).url;
}

/** Makes a team space named `name` and answers its id and link. */
export async function newTeam(appUrl: string, name: string): Promise<{ id: string; url: string }> {
	const response = await fetch(`${appUrl}/api/teams`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name })
	});
	expect(response.status).toBe(201);
	return (await response.json()) as { id: string; url: string };
}

/** The milliseconds left on a page's timer, as it shows them now. */
export function remainingOn(page: Page): Promise<number> {
	return page
		.locator('[data-remaining-ms]')
		.getAttribute('data-remaining-ms')
		.then((value) => Number(value));
}

const GENEROUS_LIMITS = Object.fromEntries(
	[
		'ROOMS_PER_ADDRESS_PER_HOUR',
		'CLIP_UPLOADS_PER_ADDRESS_PER_HOUR',
		'TEAM_WRITES_PER_ADDRESS_PER_HOUR',
		'PLAYBOOKS_PER_ADDRESS_PER_HOUR',
		'PAIRING_WRITES_PER_ADDRESS_PER_HOUR',
		'CIRCLE_WRITES_PER_ADDRESS_PER_HOUR'
	].map((name) => [name, '100000'])
);

export const test = base.extend<object, { app: AppServer }>({
	app: [
		// eslint-disable-next-line no-empty-pattern -- reason: Playwright requires the destructuring.
		async ({}, use) => {
			// One server serves a worker's every spec, from one address: more rooms, playbooks and
			// team writes than a person's hour allows. The limits have tests of their own.
			const app = await AppServer.start({ env: GENEROUS_LIMITS });
			await use(app);
			await app.dispose();
		},
		{ scope: 'worker' }
	]
});
