import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import {
	ON_EVERY_RESPONSE,
	looseSources,
	parseCsp,
	securityHeadersOf
} from '../support/security-headers';
import { expect, joinRoom, openPerson, test } from './fixtures';

/** A display name that would inject an image (and run its handler) if it were rendered as HTML. */
const MARKUP_NAME = '<img src=x onerror=alert(1)><b>Eve</b>';

const phaseOf = (page: Page) => page.locator('[data-step]');
const rosterOf = (page: Page) => page.getByRole('region', { name: 'In the room' });

/** Everything the browser objected to while the test ran: CSP violations, errors, dialogs. */
const problems: string[] = [];

/**
 * Adds to `problems` whatever the context's pages object to: every Content-Security-Policy
 * violation (from before the first script of each page runs, across navigations), console
 * error, uncaught exception and dialog.
 */
async function watch(context: BrowserContext): Promise<void> {
	await context.exposeFunction('reportCspViolation', (violation: string) =>
		problems.push(`CSP violation: ${violation}`)
	);
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { reportCspViolation(violation: string): void })
				.reportCspViolation;
			report(`${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}`);
		});
	});
	const watchPage = (page: Page) => {
		page.on('console', (message) => {
			if (message.type() === 'error') {
				problems.push(`console error: ${message.text()} (${message.location().url})`);
			}
		});
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		// An alert would mean the name's onerror handler ran.
		page.on('dialog', (dialog) => {
			problems.push(`dialog: ${dialog.message()}`);
			void dialog.dismiss();
		});
	};
	context.pages().forEach(watchPage);
	context.on('page', watchPage);
}

/** The name shows as its literal characters, and nothing it spells out became an element. */
async function expectLiteralName(page: Page, where: Locator): Promise<void> {
	await expect(where).toContainText(MARKUP_NAME);
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	await expect(page.locator('b', { hasText: 'Eve' })).toHaveCount(0);
}

test('pages, the error page and static files carry the CSP and the security headers', async ({
	app
}) => {
	for (const path of ['/', '/r/AAAAAAAAAAAAAAAAAAAAAA']) {
		const response = await fetch(`${app.url}${path}`);
		expect(securityHeadersOf(response.headers)).toMatchObject(ON_EVERY_RESPONSE);
		const csp = parseCsp(response.headers.get('content-security-policy'));
		// Nothing from another origin, nothing inline but SvelteKit's nonced start-up script.
		expect(looseSources(csp)).toEqual([]);
		expect(csp).toMatchObject({
			'default-src': ["'self'"],
			'style-src': ["'self'"],
			'connect-src': ["'self'"],
			'media-src': ["'self'", 'blob:'],
			'object-src': ["'none'"],
			'base-uri': ["'self'"],
			'form-action': ["'self'"],
			'frame-ancestors': ["'none'"]
		});
		expect(csp['script-src']).toEqual(["'self'", expect.stringMatching(/^'nonce-/)]);
	}
	const favicon = await fetch(`${app.url}/favicon.svg`);
	expect(favicon.status).toBe(200);
	expect(securityHeadersOf(favicon.headers)).toMatchObject(ON_EVERY_RESPONSE);
});

test('a page’s Permissions-Policy names only features the browser knows: no console warning', async ({
	app,
	browser
}) => {
	const page = await openPerson(browser);
	try {
		const complaints: string[] = [];
		page.on('console', (message) => {
			if (message.text().includes('Permissions-Policy')) complaints.push(message.text());
		});
		await page.goto(app.url);
		// Console messages arrive in order: once this one is in, any about the header is too.
		const marker = page.waitForEvent('console', (message) => message.text() === 'page read');
		await page.evaluate(() => console.log('page read'));
		await marker;
		expect(complaints).toEqual([]);
	} finally {
		await page.context().close();
	}
});

test.describe.serial('security in the browser: names as text, a session within the CSP', () => {
	let ada: Page;
	let eve: Page;
	let roomUrl: string;

	test.beforeAll(async ({ browser }) => {
		ada = await openPerson(browser);
		eve = await openPerson(browser);
		for (const page of [ada, eve]) await watch(page.context());
	});
	test.afterAll(async () => {
		for (const page of [ada, eve]) await page.context().close();
	});

	test('a display name with markup shows as literal text in the join form and the roster', async ({
		app,
		browser
	}) => {
		await ada.goto(app.url);
		const sprint = ada.locator('[data-playbook="active-listening-sprint"]');
		await sprint.getByRole('button', { name: 'Start a room' }).click();
		await ada.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
		roomUrl = ada.url();
		await joinRoom(ada, 'Ada', 'Speaker');

		await eve.goto(roomUrl);
		await joinRoom(eve, MARKUP_NAME, 'Listener');
		for (const page of [ada, eve]) {
			await expect(rosterOf(page).locator('[data-status="connected"]')).toHaveCount(2);
			await expectLiteralName(page, rosterOf(page));
		}

		// Someone about to join sees who holds each role in the join form.
		const newcomer = await openPerson(browser);
		await watch(newcomer.context());
		await newcomer.goto(roomUrl);
		await expectLiteralName(newcomer, newcomer.getByRole('group', { name: 'Your role' }));
		await newcomer.context().close();
	});

	test('a full session runs without a single CSP violation or console error', async ({
		app,
		browser
	}) => {
		// Timer and shared notes.
		await ada.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(eve.locator('[data-status="running"]')).toBeVisible();
		await eve.locator('#notes').pressSequentially('She felt overlooked.');
		await expect(ada.locator('#notes')).toHaveValue('She felt overlooked.');

		// Through the story and the paraphrase to the silence and the rating.
		await ada.getByRole('button', { name: 'Next phase' }).click();
		await expect(phaseOf(eve)).toContainText('Step 2 of 10');
		await eve.getByRole('button', { name: 'Next phase' }).click();
		await expect(phaseOf(ada)).toContainText('Step 3 of 10');
		await eve.getByLabel('Feelings').pressSequentially('You felt unheard.');
		await expect(ada.getByLabel('Feelings')).toHaveValue('You felt unheard.');
		await ada.getByRole('button', { name: 'Next phase' }).click();
		await expect(ada.getByRole('dialog', { name: 'A short silence' })).toBeVisible();
		await ada.getByRole('dialog').getByRole('button', { name: 'Back to the room' }).click();
		await ada.getByRole('button', { name: 'Next phase' }).click();
		await expect(phaseOf(eve)).toContainText('How understood did you feel?');

		await ada
			.getByRole('group', { name: 'How understood did you feel?' })
			.getByRole('radio', { name: /4/ })
			.check();
		await ada.getByRole('button', { name: 'Submit rating' }).click();
		await eve
			.getByRole('group', { name: 'How understood do you think the speaker felt?' })
			.getByRole('radio', { name: /3/ })
			.check();
		await eve.getByRole('button', { name: 'Submit rating' }).click();
		for (const page of [ada, eve]) {
			await expect(page.getByText('The ratings, shown together:')).toBeVisible();
		}

		// The projector, in a browser of its own.
		const link = await ada
			.getByRole('link', { name: 'Open the projector view in a new tab' })
			.getAttribute('href');
		const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
		await watch(projectorContext);
		const projector = await projectorContext.newPage();
		await projector.goto(new URL(link!, roomUrl).href);
		await expect(projector.getByRole('img', { name: /Join this room/ })).toBeVisible();
		await expect(projector.locator('[data-remaining-ms]')).toBeVisible();
		await expectLiteralName(projector, projector.getByRole('list').filter({ hasText: 'Round 2' }));
		await projectorContext.close();

		// The summary, with its Markdown download (a blob: URL).
		await ada.getByRole('link', { name: 'Session summary', exact: true }).click();
		await expectLiteralName(ada, ada.getByRole('region', { name: 'Participants' }));
		const [download] = await Promise.all([
			ada.waitForEvent('download'),
			ada.getByRole('button', { name: 'Download Markdown' }).click()
		]);
		expect(await readFile((await download.path())!, 'utf8')).toContain('You felt unheard.');

		// The playbook page and the authoring form, and the error page, under the same policy.
		await eve.goto(`${app.url}/p/active-listening-sprint`);
		await expect(eve.getByRole('heading', { name: 'Active Listening Sprint' })).toBeVisible();
		await eve.getByRole('link', { name: /Copy and edit/ }).click();
		await expect(eve.getByRole('heading', { name: /Adapt/ })).toBeVisible();

		const missingUrl = `${app.url}/r/AAAAAAAAAAAAAAAAAAAAAA`;
		const missing = await eve.goto(missingUrl);
		expect(missing?.status()).toBe(404);
		await expect(eve.getByRole('heading', { name: 'We could not find that room' })).toBeVisible();

		// Chromium logs the 404 of that page itself as an error: the one expected problem.
		const notFound = `console error: Failed to load resource: the server responded with a status of 404 (Not Found) (${missingUrl})`;
		expect(problems.filter((problem) => problem !== notFound)).toEqual([]);
	});
});

test('the privacy page says what is kept and for how long, from every page', async ({
	browser,
	app
}) => {
	const page = await openPerson(browser);
	await page.goto(app.url);
	await page.getByRole('link', { name: 'Privacy: what is kept, and for how long' }).click();
	await expect(
		page.getByRole('heading', { name: 'What Practice Room keeps, where, and for how long' })
	).toBeVisible();
	await expect(page.getByRole('region', { name: 'In a room' })).toContainText('End and erase');
	await page.context().close();
});
