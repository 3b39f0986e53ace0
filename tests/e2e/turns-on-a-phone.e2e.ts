import type { Browser, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { WAIT_REASONS } from '../../src/lib/client/offline-actions';
import { expectAccessible } from './axe';
import { expect, joinRoom, newRoom, test } from './fixtures';
import { overflowOf, PHONE, smallTargets } from './phone';

/** A person on a phone: its screen, touch, and a time zone of their own. */
async function onPhone(browser: Browser, timezoneId: string, viewport = PHONE): Promise<Page> {
	const context = await browser.newContext({
		viewport,
		hasTouch: true,
		isMobile: true,
		timezoneId
	});
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

const turns = (page: Page) => page.getByRole('region', { name: 'Across time zones' });
const calendarButton = (page: Page) =>
	turns(page).getByRole('button', { name: 'Deadlines in my calendar (.ics)' });
/** The card's line once the deadlines moved after this device downloaded the calendar file. */
const outOfDate = (page: Page) =>
	turns(page).getByText(/so the entries in your calendar are out of date/);
const WILL_MOVE = 'The deadlines in the calendar file you downloaded on this device will change';
/** An ISO time as the calendar file writes it: 20260106T090000Z. */
const icsTime = (iso: string | null) => (iso ?? '').replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** The smallest phone in use. */
const NARROW_PHONE = { width: 320, height: 640 };

/**
 * A room run across time zones, joined by Ana (speaker, Berlin) and Ben (listener, Los Angeles),
 * each on a phone; Ana has yet to agree when `anaAgrees` is false.
 */
async function turnsOnTwoPhones(
	appUrl: string,
	browser: Browser,
	{ viewport = PHONE, anaAgrees = true } = {}
) {
	const url = await newRoom(appUrl, 'active-listening-sprint', { async: {} });
	const ana = await onPhone(browser, 'Europe/Berlin', viewport);
	const ben = await onPhone(browser, 'America/Los_Angeles', viewport);
	await ana.goto(url);
	await joinRoom(ana, 'Ana', 'Speaker', { agree: anaAgrees });
	await ben.goto(url);
	await joinRoom(ben, 'Ben', 'Listener');
	return { url, ana, ben };
}

/** The room with its turns card fits the phone: nothing sticks out, every button takes a thumb. */
async function expectCardFits(page: Page): Promise<void> {
	expect(await overflowOf(page, 'body')).toEqual({ outside: [], pageScrolls: false });
	expect(await smallTargets(page)).toEqual([]);
}

test('on a phone the turns card shows whose turn and the deadline, every action works by touch, and a calendar file downloaded before the deadlines moved is called out of date (protocol A4, A7, A8, A28, A29)', async ({
	app,
	browser
}) => {
	const { url, ana, ben } = await turnsOnTwoPhones(app.url, browser);
	try {
		// The card opens the Session tab: whose turn, and the deadline in each person's zone.
		await expect(turns(ana).getByText('Your turn: Tell the story')).toBeVisible();
		await expect(turns(ana).locator('time')).toContainText(/GMT\+1|CET|GMT\+2|CEST/);
		await expect(turns(ben).getByText('Waiting for Ana to take their turn.')).toBeVisible();
		await expect(turns(ben).locator('time')).toBeVisible();
		for (const page of [ana, ben]) await expectCardFits(page);
		await expectAccessible(ana);

		// The calendar file downloads from a tap.
		const [download] = await Promise.all([ana.waitForEvent('download'), calendarButton(ana).tap()]);
		expect(download.suggestedFilename()).toBe('practice-room-deadlines.ics');
		expect(await readFile(await download.path(), 'utf8')).toContain('BEGIN:VCALENDAR');

		// One extension moves the deadlines: Ana's card says the file she downloaded is out of date
		// and offers the new one; Ben, who downloaded none, is told nothing.
		await turns(ana).getByRole('button', { name: 'Give everyone one more window' }).tap();
		await expect(turns(ben).locator('time')).toContainText('(extended)');
		await expect(outOfDate(ana)).toBeVisible();
		await expect(outOfDate(ben)).toHaveCount(0);
		await expectCardFits(ana);
		const [again] = await Promise.all([
			ana.waitForEvent('download'),
			turns(ana).getByRole('button', { name: 'New deadlines for my calendar (.ics)' }).tap()
		]);
		const extended = await turns(ana).locator('time').getAttribute('datetime');
		expect(await readFile(await again.path(), 'utf8')).toContain(`DTEND:${icsTime(extended)}`);
		await expect(outOfDate(ana)).toHaveCount(0);
		await expect(calendarButton(ana)).toBeVisible();

		// Paused, the file will move with the resume; a pause of seconds moves nothing a calendar
		// shows. What was downloaded is remembered on the device, over a reload.
		await ana.reload();
		await ana.getByRole('button', { name: 'Pause for everyone' }).tap();
		const paused = (page: Page) => page.getByRole('dialog', { name: 'Paused for everyone' });
		await expect(paused(ana)).toContainText(WILL_MOVE);
		await expect(paused(ben)).toBeVisible();
		await expect(paused(ben)).not.toContainText(WILL_MOVE);
		await paused(ana).getByRole('button', { name: 'Resume' }).tap();
		await expect(paused(ana)).toBeHidden();
		await expect(calendarButton(ana)).toBeVisible();
		await expect(outOfDate(ana)).toHaveCount(0);

		// Live and back, all by touch: the window opens again, so the file is out of date again.
		await turns(ben).getByRole('button', { name: 'We’re both here: go live' }).tap();
		await expect(turns(ana).getByText(/Playing live/)).toBeVisible();
		await expect(turns(ana).getByText(WILL_MOVE)).toBeVisible();
		await expect(turns(ben).getByText(WILL_MOVE)).toHaveCount(0);
		await expectCardFits(ana);
		await turns(ana).getByRole('button', { name: 'Back to turns across time zones' }).tap();
		await expect(turns(ana).getByText('Your turn: Tell the story')).toBeVisible();
		await expect(outOfDate(ana)).toBeVisible();

		// The new file downloaded in another tab of Ana's browser: this tab stops calling hers old.
		const anasOtherTab = await ana.context().newPage();
		await anasOtherTab.goto(url);
		const [fromOtherTab] = await Promise.all([
			anasOtherTab.waitForEvent('download'),
			turns(anasOtherTab)
				.getByRole('button', { name: 'New deadlines for my calendar (.ics)' })
				.tap()
		]);
		expect(fromOtherTab.suggestedFilename()).toBe('practice-room-deadlines.ics');
		await expect(outOfDate(ana)).toHaveCount(0);
		await anasOtherTab.close();

		await turns(ana).getByRole('button', { name: 'I’ve taken my turn' }).tap();
		await expect(turns(ben).getByText('Your turn: Reflect it back')).toBeVisible();
		await expectCardFits(ben);
		await expectAccessible(ben);
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});

test('[A33] [A35] Ana opening the link on a second phone watches: her card says the places are taken, shows the deadline but offers no extension or going live, and no turn waits for it', async ({
	app,
	browser
}) => {
	const { url, ana, ben } = await turnsOnTwoPhones(app.url, browser);
	const anasPhone = await onPhone(browser, 'Europe/Berlin');
	try {
		await anasPhone.goto(url);
		await joinRoom(anasPhone, 'Ana', 'Speaker');
		await expect(
			turns(anasPhone).getByText(/You are watching: this room’s places are taken/)
		).toBeVisible();
		await expect(turns(anasPhone).getByText('Waiting for Ana to take their turn.')).toBeVisible();
		await expect(turns(anasPhone).getByRole('button', { name: 'I’ve taken my turn' })).toHaveCount(
			0
		);
		await expect(turns(ana).getByText(/You are watching/)).toHaveCount(0);
		// The deadline, but none of the pair's controls (A35); Ana's laptop still has them.
		await expect(turns(anasPhone).locator('time')).toHaveText(/^Moves on by /);
		for (const name of ['Give everyone one more window', 'We’re both here: go live']) {
			await expect(turns(ana).getByRole('button', { name })).toBeVisible();
			await expect(turns(anasPhone).getByRole('button', { name })).toHaveCount(0);
		}
		const next = (page: Page) => page.locator('.phase').getByRole('button', { name: /^Next/ });
		await expect(next(anasPhone)).toBeDisabled();
		await expect(anasPhone.locator('.phase')).toContainText(
			'Those holding a place move the room on'
		);
		await expect(next(ana)).toBeEnabled();
		// The phase panel casts the place-holders: the watching phone has no role and is not named.
		const role = (page: Page) => page.getByRole('heading', { name: /^Your role:/ });
		await expect(role(ana)).toBeVisible();
		await expect(role(anasPhone)).toHaveCount(0);
		await expect(anasPhone.locator('.phase .cast')).toHaveText(
			'This round · Ana: Speaker · Ben: Listener'
		);

		await turns(ana).getByRole('button', { name: 'I’ve taken my turn' }).tap();
		await expect(turns(ben).getByText('Your turn: Reflect it back')).toBeVisible();
		await expect(turns(anasPhone).getByText('Waiting for Ben to take their turn.')).toBeVisible();
		await expectCardFits(anasPhone);
	} finally {
		for (const page of [ana, ben, anasPhone]) await page.context().close();
	}
});

const timer = (page: Page) => page.getByRole('region', { name: 'Timer' });
/** Whether the turns card is above the timer on screen, and before it in the page's order. */
async function turnsFirst(page: Page) {
	const card = await turns(page).boundingBox();
	const clock = await timer(page).boundingBox();
	const before = await page.evaluate(() => {
		const [card, clock] = [document.querySelector('.turns'), document.querySelector('.timer')];
		const order = card && clock && card.compareDocumentPosition(clock);
		return order !== null && (order & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
	});
	return { above: card !== null && clock !== null && card.y < clock.y, before };
}

for (const viewport of [PHONE, NARROW_PHONE])
	test(`on a ${viewport.width} px phone the turns card comes before the timer, on screen and in reading order, and focus goes to it once agreed; played live, the timer comes first again`, async ({
		app,
		browser
	}) => {
		const { ana, ben } = await turnsOnTwoPhones(app.url, browser, { viewport, anaAgrees: false });
		try {
			// Agreed, focus follows to the first card, in view rather than below the timer.
			await ana.getByRole('button', { name: 'I agree' }).tap();
			const heading = turns(ana).getByRole('heading', { name: 'Across time zones' });
			await expect(heading).toBeFocused();
			await expect(heading).toBeInViewport();
			// Whose turn it is and what to do are what a person opens the room for: first, in view.
			await expect(turns(ana).getByText('Your turn: Tell the story')).toBeInViewport();
			for (const page of [ana, ben])
				expect(await turnsFirst(page)).toEqual({ above: true, before: true });

			// Both here and playing live, the timer leads again.
			await turns(ben).getByRole('button', { name: 'We’re both here: go live' }).tap();
			await expect(turns(ana).getByText(/Playing live/)).toBeVisible();
			expect(await turnsFirst(ana)).toEqual({ above: false, before: false });
		} finally {
			await ana.context().close();
			await ben.context().close();
		}
	});

test('on a phone, going live and back moves the timer and the call card rather than rebuilding them: a half-typed call link keeps its words and the focus', async ({
	app,
	browser
}) => {
	const { ana, ben } = await turnsOnTwoPhones(app.url, browser);
	try {
		// A call shared: its card comes under the timer, where Ana starts changing the link.
		await ana.getByRole('tab', { name: 'More' }).tap();
		await ana.getByRole('button', { name: 'Add a call link' }).tap();
		await ana.getByLabel('Meeting link').fill('https://meet.example.org/practice');
		await ana.getByRole('button', { name: 'Share link' }).tap();
		await ana.getByRole('tab', { name: 'Session' }).tap();
		await ana.getByRole('button', { name: 'Change link' }).tap();
		const field = ana.getByLabel('Meeting link');
		await field.fill('https://meet.example.org/half');
		const timerBefore = await timer(ana).elementHandle();
		const sameTimer = () => timer(ana).evaluate((now, before) => now === before, timerBefore);

		for (const [button, order] of [
			['We’re both here: go live', { above: false, before: false }],
			['Back to turns across time zones', { above: true, before: true }]
		] as const) {
			await turns(ben).getByRole('button', { name: button }).tap();
			await expect.poll(() => turnsFirst(ana)).toEqual(order);
			expect(await sameTimer()).toBe(true);
			await expect(field).toHaveValue('https://meet.example.org/half');
			await expect(field).toBeFocused();
		}
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});

test('[S21] on a phone, cut off, the turns card’s buttons wait yet keep keyboard focus, and a press says why', async ({
	app,
	browser
}) => {
	const { ana, ben } = await turnsOnTwoPhones(app.url, browser);
	try {
		const take = turns(ana).getByRole('button', { name: 'I’ve taken my turn' });
		await take.focus();
		await ana.context().setOffline(true);
		await expect(ana.locator('[data-connection="reconnecting"]')).toBeVisible();
		await expect(take).toHaveAttribute('aria-disabled', 'true');
		await expect(take).toHaveAccessibleDescription(WAIT_REASONS.connection());
		await expect(take).toBeFocused();
		// Pressed anyway, it says why it waits, and nothing is sent.
		await ana.keyboard.press('Enter');
		await expect(ana.getByRole('alert')).toHaveText(WAIT_REASONS.turns());
		await expect(take).toBeFocused();
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});
