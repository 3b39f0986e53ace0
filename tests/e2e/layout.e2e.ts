import type { Browser, Page } from '@playwright/test';
import { expect, joinRoom, newRoom, test } from './fixtures';
import { expectAccessible } from './axe';
import {
	cutWords,
	focusOutline,
	holdDown,
	overflowOf,
	PHONE,
	smallTargets,
	tapFlashes,
	wholeInRow
} from './phone';
import { startRoomFromLibrary } from './start-room';
import { WAIT_REASONS } from '../../src/lib/client/offline-actions';

const TABLET = { width: 768, height: 1024 };
/** A small phone's screen (many Android phones), where the header is tightest. */
const SMALL_PHONE = { width: 360, height: 740 };

async function personAt(
	browser: Browser,
	viewport: { width: number; height: number },
	/** A phone's touch screen and mobile browser, for taps. */
	touch = false
) {
	const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

/** Where an element starts on the page (not the viewport): scrolling does not move it. */
const pageTop = (page: Page, selector: string) =>
	page.locator(selector).evaluate((element) => element.getBoundingClientRect().top + scrollY);

/** A host who started the room from the library, and a participant who came by its link. */
async function hostAndParticipant(
	browser: Browser,
	appUrl: string,
	viewport: { width: number; height: number }
): Promise<[Page, Page]> {
	const host = await personAt(browser, viewport);
	await startRoomFromLibrary(host, appUrl, 'active-listening-sprint');
	await joinRoom(host, 'Ana', 'Speaker');
	const guest = await personAt(browser, viewport);
	await guest.goto(host.url());
	await joinRoom(guest, 'Ben', 'Listener');
	return [host, guest];
}

test('on a phone the room opens on the phase, the timer and the tool; the rest is a tap away', async ({
	browser,
	app
}) => {
	const [host, guest] = await hostAndParticipant(browser, app.url, PHONE);
	for (const page of [host, guest]) {
		// The site header is one row, and the phase heading starts within the first screen.
		const header = await page.locator('header.site').boundingBox();
		expect(header?.height).toBeLessThan(60);
		expect(await pageTop(page, '#phase-title')).toBeLessThan(PHONE.height * 0.6);
		expect(await pageTop(page, '[data-remaining-ms]')).toBeLessThan(PHONE.height);
		await expect(page.getByRole('heading', { name: /^Your role: / })).toBeVisible();
		// Roster, hands and the projector wait behind their tabs.
		await expect(page.getByRole('region', { name: 'In the room' })).toBeHidden();
		await expect(page.getByRole('region', { name: 'Projector view' })).toBeHidden();
		expect(await smallTargets(page)).toEqual([]);
		await expectAccessible(page);

		await page.getByRole('tab', { name: /People/ }).click();
		await expect(page.getByRole('region', { name: 'In the room' })).toBeVisible();
		await expect(page.locator('#phase-title')).toBeHidden();
		await expectAccessible(page);
		await page.getByRole('tab', { name: 'More' }).click();
		await expect(page.getByRole('region', { name: 'Projector view' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Copy room link' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('tab', { name: 'Session' }).click();
		await expect(page.locator('#phase-title')).toBeVisible();
	}

	// The host's own settings are a tab of their own; the participant is told who hosts.
	await host.getByRole('tab', { name: 'Host' }).click();
	await expect(host.getByRole('heading', { name: 'You are the host' })).toBeVisible();
	expect(await smallTargets(host)).toEqual([]);
	await expectAccessible(host);
	await expect(guest.getByRole('tab', { name: 'Host' })).toHaveCount(0);
	await guest.getByRole('tab', { name: /People/ }).click();
	await expect(guest.getByText('Ana is hosting.')).toBeVisible();

	// Arrow keys move between the tabs, as in every tab list.
	await guest.getByRole('tab', { name: /People/ }).press('ArrowRight');
	await expect(guest.getByRole('tab', { name: 'More' })).toBeFocused();
	await expect(guest.getByRole('tab', { name: 'More' })).toHaveAttribute('aria-selected', 'true');

	for (const page of [host, guest]) await page.context().close();
});

test('on a phone a shared call is joined from the Session tab, under the timer; adding one and the shortcuts wait under More; the connection banner shows on every tab', async ({
	browser,
	app
}) => {
	const [host, guest] = await hostAndParticipant(browser, app.url, PHONE);
	const call = (page: Page) => page.getByRole('region', { name: 'Video call' });
	// No link yet: setting one up is not the session itself.
	await expect(call(host)).toBeHidden();
	await host.getByRole('tab', { name: 'More' }).click();
	await expect(host.getByRole('button', { name: 'Keyboard shortcuts' })).toBeVisible();
	expect(await smallTargets(host)).toEqual([]);
	// One size of words on the tab's buttons: the shortcuts' no smaller than the summary's above it.
	const sizes = await host
		.getByRole('tabpanel', { name: 'More' })
		.evaluate((panel) =>
			[...panel.querySelectorAll<HTMLElement>('button, .button')]
				.filter((button) => button.checkVisibility())
				.map((button) => `${button.textContent?.trim()}: ${getComputedStyle(button).fontSize}`)
		);
	const summarySize = sizes.find((size) => size.startsWith('Session summary:'))?.split(': ')[1];
	expect(summarySize).toMatch(/px$/);
	expect(sizes.filter((size) => !size.endsWith(`: ${summarySize}`))).toEqual([]);
	await call(host).getByRole('button', { name: 'Add a call link' }).click();
	await call(host).getByLabel('Meeting link').fill('https://meet.example.com/abc-defg-hij');
	await call(host).getByRole('button', { name: 'Share link' }).click();

	// Shared: whoever is on the Session tab joins it there, and the phase stays on the first screen.
	const joinCall = call(guest).getByRole('link', { name: 'Join the call' });
	await expect(joinCall).toBeVisible();
	expect(await pageTop(guest, '[data-remaining-ms]')).toBeLessThan(
		await pageTop(guest, '.card.call')
	);
	expect(await pageTop(guest, '#phase-title')).toBeLessThan(PHONE.height);
	expect(await smallTargets(guest)).toEqual([]);
	await expectAccessible(guest);

	// Cut off: the banner is above the tabs, whichever is chosen, and the timer says why it waits.
	await guest.getByRole('tab', { name: /People/ }).click();
	await guest.context().setOffline(true);
	await expect(guest.locator('[data-connection="reconnecting"]')).toBeVisible();
	await guest.getByRole('tab', { name: 'Session' }).click();
	await expect(guest.locator('[data-connection="reconnecting"]')).toBeVisible();
	await expect(
		guest.getByRole('button', { name: 'Start', exact: true })
	).toHaveAccessibleDescription(WAIT_REASONS.timer());
	await guest.context().setOffline(false);
	await expect(guest.getByRole('button', { name: 'Start', exact: true })).toBeEnabled({
		timeout: 20_000
	});

	for (const page of [host, guest]) await page.context().close();
});

test('on a tablet both columns show, with the phase heading on the first screen', async ({
	browser,
	app
}) => {
	const [host, guest] = await hostAndParticipant(browser, app.url, TABLET);
	for (const page of [host, guest]) {
		await expect(page.getByRole('tablist')).toHaveCount(0);
		expect(await pageTop(page, '#phase-title')).toBeLessThan(TABLET.height * 0.5);
		await expect(page.getByRole('region', { name: 'In the room' })).toBeVisible();
		// The side column starts level with the phase card.
		const phaseCard = await pageTop(page, '[data-step]');
		const side = await pageTop(page, 'aside.side > :first-child');
		expect(Math.abs(phaseCard - side)).toBeLessThan(2);
		expect(await smallTargets(page)).toEqual([]);
		expect(await cutWords(page, 'header.site')).toEqual([]);
		await expectAccessible(page);
	}
	for (const page of [host, guest]) await page.context().close();
});

test('on a small phone the header shows the chosen language uncut, in each language, and still names it in full', async ({
	browser,
	app
}) => {
	const url = await newRoom(app.url, 'role-play-with-reality');
	for (const [locale, name, label] of [
		['en', 'English', 'Language'],
		['de', 'Deutsch', 'Sprache'],
		['es', 'Español', 'Idioma']
	] as const) {
		const context = await browser.newContext({ viewport: SMALL_PHONE, locale });
		const page = await context.newPage();
		await page.goto(url);
		const switcher = page.getByRole('banner').getByRole('combobox', { name: label });
		await expect(switcher).toHaveValue(locale);
		await expect(switcher.getByRole('option', { name, exact: true })).toBeAttached();
		expect(await cutWords(page, 'header.site')).toEqual([]);
		expect(await overflowOf(page, 'header.site')).toEqual({ outside: [], pageScrolls: false });
		await context.close();
	}
});

test('on a small phone the tab of the take a rewind starts is in full view, not cut off at the card’s edge', async ({
	browser,
	app
}) => {
	const page = await personAt(browser, SMALL_PHONE);
	await page.goto(await newRoom(app.url, 'role-play-with-reality'));
	await joinRoom(page, 'Ada', 'Practitioner');
	await page.getByRole('button', { name: 'Next phase' }).click();
	const script = page.getByRole('region', { name: 'Script' });
	await script.getByLabel('Line text').fill('Thanks for making time.');
	await script.getByRole('button', { name: 'Add line' }).click();

	// Each rewind starts a take whose tab ("Take 2 · from line 1 of take 1") comes last.
	for (const take of ['Take 2', 'Take 3']) {
		await script.getByRole('button', { name: 'Rewind to line 1' }).click();
		const tab = script.getByRole('tab', { name: new RegExp(`^${take} `) });
		await expect(tab).toHaveAttribute('aria-selected', 'true');
		expect(await wholeInRow(tab), `${take}'s tab`).toBe(true);
	}
	expect((await overflowOf(page, 'body')).pageScrolls).toBe(false);
	await page.context().close();
});

test('on a phone the pause for everyone opens with focus on its heading and no frame around the screen, also after a reload', async ({
	browser,
	app
}) => {
	const url = await newRoom(app.url, 'role-play-with-reality');
	const people: Page[] = [];
	for (const name of ['Ada', 'Bo']) {
		const page = await personAt(browser, SMALL_PHONE);
		await page.goto(url);
		await joinRoom(page, name);
		people.push(page);
	}
	const [ada, bo] = people as [Page, Page];
	const card = (page: Page) => page.getByRole('dialog', { name: 'Paused for everyone' });
	// A screen reader starts on the pause; the heading is no control, so no ring is drawn.
	const opensOnItsHeading = async (page: Page) => {
		await expect(card(page).getByRole('heading', { name: 'Paused for everyone' })).toBeFocused();
		expect(await focusOutline(page)).toBe('none');
	};

	await ada.getByRole('button', { name: 'Pause for everyone' }).click();
	for (const page of people) await opensOnItsHeading(page);
	// Reloaded, the card opens while Resume still waits for the connection.
	await bo.reload();
	await opensOnItsHeading(bo);
	const resume = card(bo).getByRole('button', { name: 'Resume' });
	await expect(resume).toBeEnabled();
	await bo.keyboard.press('Tab');
	await expect(resume).toBeFocused();
	for (const page of people) await page.context().close();
});

test('the join form on a phone: themed radios, and focus on the agreements after joining', async ({
	browser,
	app
}) => {
	const [host, guest] = await hostAndParticipant(browser, app.url, PHONE);
	const late = await personAt(browser, PHONE);
	await late.goto(host.url());
	const radio = late.getByRole('radio', { name: /Listener/ });
	await expect(radio).toBeVisible();
	// The theme's accent (#2f6f5e), not the browser's default blue.
	await expect(radio).toHaveCSS('accent-color', 'rgb(47, 111, 94)');
	await expectAccessible(late);
	await joinRoom(late, 'Cy', 'Listener', { agree: false });
	await expect(late.getByRole('heading', { name: 'Our agreements' })).toBeFocused();
	for (const page of [host, guest, late]) await page.context().close();
});

test('on a phone a tap flashes no grey box around a button, a link or the language’s select, on the way to the role-play and at its pause: each shows its own pressed state', async ({
	browser,
	app
}) => {
	const page = await personAt(browser, PHONE, true);
	await page.goto(await newRoom(app.url, 'role-play-with-reality'));
	await expect(page.getByLabel('Your name')).toBeVisible();
	expect(await tapFlashes(page)).toEqual([]);
	await joinRoom(page, 'Ada', 'Practitioner');
	expect(await tapFlashes(page)).toEqual([]);
	await page.getByRole('button', { name: 'Next phase' }).tap();
	await expect(page.locator('[data-step]')).toContainText('Step 2 of 4');

	const script = page.getByRole('region', { name: 'Script' });
	await script.getByLabel('Line text').fill('Thanks for making time.');
	await script.getByRole('button', { name: 'Add line' }).tap();
	await page.getByRole('button', { name: 'Start', exact: true }).tap();
	const pause = script.getByRole('button', { name: 'Pause' });
	await pause.tap();
	await expect(script.getByText('Paused here')).toBeVisible();
	await expect(page.locator('[data-status="paused"]')).toBeVisible();
	expect(await tapFlashes(page)).toEqual([]);
	expect(await smallTargets(page)).toEqual([]);

	// Held down, the pause shows it within its pill; let go elsewhere, it is not pressed again.
	const releasePause = await holdDown(page, pause);
	await expect(pause).not.toHaveCSS('background-image', 'none');
	await releasePause();
	await expect(pause).toHaveCSS('background-image', 'none');
	// A text link tints behind its words; the language's select, behind the code it shows.
	const link = page.getByRole('link', { name: 'Privacy: what is kept, and for how long' });
	const releaseLink = await holdDown(page, link);
	await expect(link).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
	await releaseLink();
	await expect(link).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
	const code = page.getByRole('banner').locator('.language .code');
	const releaseSelect = await holdDown(page, page.getByRole('combobox', { name: 'Language' }));
	await expect(code).not.toHaveCSS('background-image', 'none');
	await releaseSelect();
	await expect(code).toHaveCSS('background-image', 'none');
	await page.context().close();
});
