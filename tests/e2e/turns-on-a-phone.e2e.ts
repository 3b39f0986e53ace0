import type { Browser, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible } from './axe';
import { expect, joinRoom, newRoom, test } from './fixtures';
import { overflowOf, PHONE, smallTargets } from './phone';

/** A person on a phone: its screen, touch, and a time zone of their own. */
async function onPhone(browser: Browser, timezoneId: string): Promise<Page> {
	const context = await browser.newContext({
		viewport: PHONE,
		hasTouch: true,
		isMobile: true,
		timezoneId
	});
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

const turns = (page: Page) => page.getByRole('region', { name: 'Across time zones' });

/** The room with its turns card fits the phone: nothing sticks out, every button takes a thumb. */
async function expectCardFits(page: Page): Promise<void> {
	expect(await overflowOf(page, 'body')).toEqual({ outside: [], pageScrolls: false });
	expect(await smallTargets(page)).toEqual([]);
}

test('on a phone the turns card shows whose turn and the deadline, and every action works by touch (protocol A4, A7, A8)', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint', { async: {} });
	const ana = await onPhone(browser, 'Europe/Berlin');
	const ben = await onPhone(browser, 'America/Los_Angeles');
	try {
		await ana.goto(url);
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(url);
		await joinRoom(ben, 'Ben', 'Listener');

		// The card opens the Session tab: whose turn, and the deadline in each person's zone.
		await expect(turns(ana).getByText('Your turn: Tell the story')).toBeVisible();
		await expect(turns(ana).locator('time')).toContainText(/GMT\+1|CET|GMT\+2|CEST/);
		await expect(turns(ben).getByText('Waiting for Ana to take their turn.')).toBeVisible();
		await expect(turns(ben).locator('time')).toBeVisible();
		for (const page of [ana, ben]) await expectCardFits(page);
		await expectAccessible(ana);

		// The calendar file downloads from a tap.
		const [download] = await Promise.all([
			ana.waitForEvent('download'),
			turns(ana).getByRole('button', { name: 'Deadlines in my calendar (.ics)' }).tap()
		]);
		expect(download.suggestedFilename()).toBe('practice-room-deadlines.ics');
		expect(await readFile(await download.path(), 'utf8')).toContain('BEGIN:VCALENDAR');

		// One extension, then live and back, all by touch.
		await turns(ana).getByRole('button', { name: 'Give everyone one more window' }).tap();
		await expect(turns(ben).locator('time')).toContainText('(extended)');
		await turns(ben).getByRole('button', { name: 'We’re both here: go live' }).tap();
		await expect(turns(ana).getByText(/Playing live/)).toBeVisible();
		await expectCardFits(ana);
		await turns(ana).getByRole('button', { name: 'Back to turns across time zones' }).tap();
		await expect(turns(ana).getByText('Your turn: Tell the story')).toBeVisible();

		await turns(ana).getByRole('button', { name: 'I’ve taken my turn' }).tap();
		await expect(turns(ben).getByText('Your turn: Reflect it back')).toBeVisible();
		await expectCardFits(ben);
		await expectAccessible(ben);
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});
