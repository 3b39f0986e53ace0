import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, hostRoom, joinRoom, newRoom, openPerson, test } from './fixtures';
import { PHONE } from './phone';

/** What a live room offers besides its phases (issue 19.8): tab title, shortcuts, call link. */

const PLAIN = 'Active Listening Sprint · Practice Room';
const stepOf = (page: Page) => page.locator('[data-step]');
const timerOf = (page: Page) => page.locator('[data-remaining-ms]');
/** What a shortcut said when it did nothing. */
const noteOf = (page: Page) => page.locator('.note[role="status"]');

/** Fails on serious or critical accessibility problems, naming each. */
async function expectAccessible(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(grave.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Presses Next once it has settled after the last move. */
async function moveOn(page: Page): Promise<void> {
	const next = page.getByRole('button', { name: /^(Next phase|Start round)/ });
	await expect(next).not.toHaveAttribute('aria-disabled', 'true');
	await next.click();
}

/** Puts keyboard focus where a person reading the room would have it: nowhere in particular. */
async function focusPage(page: Page): Promise<void> {
	await page.locator('h1').focus();
}

/** Ana (the Speaker) and Ben join a fresh room, both agreeing to its agreements. */
async function joinPair(appUrl: string, ana: Page, ben: Page): Promise<void> {
	const url = await newRoom(appUrl, 'active-listening-sprint');
	await ana.goto(url);
	await joinRoom(ana, 'Ana', 'Speaker');
	await ben.goto(url);
	await joinRoom(ben, 'Ben');
}

async function people(browser: Browser, count: number): Promise<Page[]> {
	const pages: Page[] = [];
	for (let n = 0; n < count; n++) pages.push(await openPerson(browser));
	return pages;
}

test('the tab title counts down, says Time’s up, and is plain when no timer runs, in a tab in the background', async ({
	app,
	browser
}) => {
	const [ana, ben] = await people(browser, 2);
	try {
		await joinPair(app.url, ana!, ben!);
		await expect(ben!).toHaveTitle(PLAIN);
		// Ben reads something else in another tab: the room's tab is in the background.
		const elsewhere = await ben!.context().newPage();
		await elsewhere.goto(`${app.url}/`);
		await elsewhere.bringToFront();

		await ana!.getByRole('button', { name: 'Start', exact: true }).click();
		const counting = /^[01]:\d\d · Settle in · Active Listening Sprint · Practice Room$/;
		await expect(ben!).toHaveTitle(counting);
		const first = await ben!.title();
		await expect.poll(() => ben!.title()).not.toBe(first);
		expect(await ben!.title()).toMatch(counting);

		await ana!.getByRole('button', { name: 'Pause', exact: true }).click();
		await expect(ben!).toHaveTitle(
			/^[01]:\d\d paused · Settle in · Active Listening Sprint · Practice Room$/
		);
		await ana!.getByRole('button', { name: 'Pause for everyone' }).click();
		await expect(ben!).toHaveTitle(
			'Paused for everyone · Settle in · Active Listening Sprint · Practice Room'
		);
		await ana!.getByRole('dialog').getByRole('button', { name: 'Resume' }).click();
		await expect(ben!).toHaveTitle(/ paused · Settle in · /);

		// The silence starts its 30 seconds by itself; at zero every tab says so.
		for (let step = 1; step <= 3; step++) {
			await moveOn(ana!);
			await expect(stepOf(ana!)).toHaveAttribute('data-step', String(step));
		}
		await expect(ben!).toHaveTitle(
			/^0:[0-3]\d · A short silence · Active Listening Sprint · Practice Room$/
		);
		await expect(ben!).toHaveTitle(
			'Time’s up · A short silence · Active Listening Sprint · Practice Room',
			{ timeout: 45_000 }
		);
		await expect(ana!).toHaveTitle(
			'Time’s up · A short silence · Active Listening Sprint · Practice Room'
		);
		// On to the rating: its timer has not started, so the title is plain again.
		await ana!.getByRole('dialog').getByRole('button', { name: 'Next phase →' }).click();
		await expect(stepOf(ana!)).toHaveAttribute('data-step', '4');
		await expect(ben!).toHaveTitle(PLAIN);
	} finally {
		await ana!.context().close();
		await ben!.context().close();
	}
});

test('keyboard shortcuts press the room’s buttons on every screen, with the buttons’ rules, and are listed in a help dialog', async ({
	app,
	browser
}) => {
	const [ana, ben] = await people(browser, 2);
	try {
		const url = await hostRoom(ana!, app.url, 'Ana');
		await ben!.goto(url);
		await joinRoom(ben!, 'Ben', 'Listener', { agree: false });

		// Before the agreements nothing moves, and Ben is told why.
		await focusPage(ben!);
		await ben!.keyboard.press('n');
		await expect(noteOf(ben!)).toHaveText('Confirm the room’s agreements first.');
		await ben!.getByRole('button', { name: 'I agree' }).click();
		await expect(stepOf(ben!)).toBeVisible();

		// ? opens the help, a modal dialog that Escape closes, giving focus back.
		await focusPage(ana!);
		await ana!.keyboard.press('?');
		const help = ana!.getByRole('dialog', { name: 'Keyboard shortcuts' });
		await expect(help).toBeVisible();
		await expect(help.getByRole('row', { name: /N\s+Next phase/ })).toBeVisible();
		await expectAccessible(ana!);
		// Keys inside the dialog are the dialog's, on its button as on its checkbox.
		await help.getByRole('button', { name: 'Close' }).focus();
		await ana!.keyboard.press('n');
		await ana!.keyboard.press('Escape');
		await expect(help).toBeHidden();
		await expect(ana!.locator('h1')).toBeFocused();

		// Space starts and pauses the timer, on both screens.
		await ana!.keyboard.press('Space');
		await expect(timerOf(ben!)).toHaveAttribute('data-status', 'running');
		// A Next sent from the dialog would have reached Ben before this start did.
		await expect(stepOf(ben!)).toHaveAttribute('data-step', '0');
		await ana!.keyboard.press('Space');
		await expect(timerOf(ben!)).toHaveAttribute('data-status', 'paused');
		const before = Number(await timerOf(ben!).getAttribute('data-remaining-ms'));
		// + (Shift and =) and = alike add a minute.
		await ana!.keyboard.press('Shift+Equal');
		await expect
			.poll(async () => Number(await timerOf(ben!).getAttribute('data-remaining-ms')))
			.toBe(before + 60_000);
		await ana!.keyboard.press('=');
		await expect
			.poll(async () => Number(await timerOf(ben!).getAttribute('data-remaining-ms')))
			.toBe(before + 120_000);

		// Space on a focused button is that button's: the timer stays paused.
		await ana!.getByRole('button', { name: 'Mute chime' }).focus();
		await ana!.keyboard.press('Space');
		await expect(ana!.getByRole('button', { name: 'Mute chime' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await expect(timerOf(ben!)).toHaveAttribute('data-status', 'paused');

		// N moves the room on once; Ben's N a moment later is held, as his button would be.
		await focusPage(ana!);
		await ana!.keyboard.press('n');
		await expect(stepOf(ben!)).toHaveAttribute('data-step', '1');
		await focusPage(ben!);
		await ben!.keyboard.press('N');
		await expect(noteOf(ben!)).toContainText('Ana moved to Tell the story');
		await expect(stepOf(ana!)).toHaveAttribute('data-step', '1');
		await expect(ben!.getByRole('button', { name: 'Next phase' })).not.toHaveAttribute(
			'aria-disabled',
			'true'
		);
		await ben!.keyboard.press('n');
		await expect(stepOf(ana!)).toHaveAttribute('data-step', '2');
		await expect(ana!.getByRole('button', { name: '← Previous' })).not.toHaveAttribute(
			'aria-disabled',
			'true'
		);
		await ana!.keyboard.press('p');
		await expect(stepOf(ben!)).toHaveAttribute('data-step', '1');

		// H raises and lowers one's own hand.
		await ben!.keyboard.press('h');
		const hands = ana!.getByRole('region', { name: 'Raised hands' });
		await expect(hands.getByRole('listitem')).toHaveText([/^Ben/]);
		await ben!.keyboard.press('H');
		await expect(hands.getByText('No hands raised.')).toBeVisible();

		// Typing is never a shortcut, nor a key with Ctrl, Alt or Cmd.
		const notes = ben!.getByRole('textbox', { name: 'Shared notes' });
		await notes.click();
		await ben!.keyboard.type('no hands please ');
		await expect(notes).toHaveValue('no hands please ');
		await focusPage(ben!);
		await ben!.keyboard.press('Alt+n');
		await ben!.keyboard.press('Control+h');
		await expect(hands.getByText('No hands raised.')).toBeVisible();
		await expect(stepOf(ana!)).toHaveAttribute('data-step', '1');

		// When the host keeps the controls, Ben's keys do nothing, and he is told why.
		await ana!.getByLabel('Only I control phases and timer').check();
		await expect(ben!.getByText('The host moves the phases.')).toBeVisible();
		await ben!.keyboard.press('Space');
		await expect(noteOf(ben!)).toHaveText('The host has locked the phase and timer controls.');
		await ben!.keyboard.press('n');
		await expect(timerOf(ana!)).toHaveAttribute('data-status', 'idle');
		await expect(stepOf(ana!)).toHaveAttribute('data-step', '1');
		// A hand is never locked.
		await ben!.keyboard.press('h');
		await expect(hands.getByRole('listitem')).toHaveText([/^Ben/]);
		await expectAccessible(ben!);
	} finally {
		await ana!.context().close();
		await ben!.context().close();
	}
});

test('after a pause ends, focus is on the room’s phase on every screen, so Space works the timer instead of pausing again', async ({
	app,
	browser
}) => {
	const [ana] = await people(browser, 1);
	// Ben is on a phone, looking at People: the phase is hidden there.
	const ben = await (await browser.newContext({ viewport: PHONE })).newPage();
	try {
		await joinPair(app.url, ana!, ben);
		await ben.getByRole('tab', { name: /People/ }).click();
		// Both reach Pause for everyone by keyboard, each from the page's title.
		for (const page of [ana!, ben]) {
			await focusPage(page);
			await page.keyboard.press('Tab');
			await expect(page.getByRole('button', { name: 'Pause for everyone' })).toBeFocused();
		}
		await ana!.keyboard.press('Enter');
		const pause = ana!.getByRole('dialog', { name: 'Paused for everyone' });
		await expect(ben.getByRole('dialog', { name: 'Paused for everyone' })).toBeVisible();
		await ana!.keyboard.press('Tab');
		await expect(pause.getByRole('button', { name: 'Resume' })).toBeFocused();
		await ana!.keyboard.press('Enter');
		await expect(pause).toBeHidden();

		await expect(ana!.getByRole('heading', { name: 'Settle in' })).toBeFocused();
		await ana!.keyboard.press('Space');
		await expect(timerOf(ben)).toHaveAttribute('data-status', 'running');
		// Ben's screen closed the card too; his phase is hidden, so the page's title has focus,
		// and his Space is the timer's shortcut (not shown under People), not the Pause button.
		await expect(ben.locator('h1')).toBeFocused();
		await ben.keyboard.press('Space');
		await expect(noteOf(ben)).toHaveText('The timer is not shown right now.');
		await expect(ana!.getByRole('dialog', { name: 'Paused for everyone' })).toBeHidden();
	} finally {
		await ana!.context().close();
		await ben.context().close();
	}
});

test('after a pause someone else ends, whoever was typing in the notes types on there', async ({
	app,
	browser
}) => {
	const [ana, ben] = await people(browser, 2);
	try {
		await joinPair(app.url, ana!, ben!);
		const notes = ben!.getByRole('textbox', { name: 'Shared notes' });
		await notes.click();
		await ben!.keyboard.type('hello');
		await ana!.getByRole('button', { name: 'Pause for everyone' }).click();
		const pause = ben!.getByRole('dialog', { name: 'Paused for everyone' });
		await expect(pause).toBeVisible();
		await ana!.getByRole('button', { name: 'Resume' }).click();
		await expect(pause).toBeHidden();
		await expect(notes).toBeFocused();
		await ben!.keyboard.type(' world');
		await expect(notes).toHaveValue('hello world');
	} finally {
		await ana!.context().close();
		await ben!.context().close();
	}
});

test('a call link pasted once gives every screen and the projector a Join the call button that cannot reach back into the room', async ({
	app,
	browser
}) => {
	const [ana, ben] = await people(browser, 2);
	try {
		const url = await hostRoom(ana!, app.url, 'Ana');
		await ben!.goto(url);
		await joinRoom(ben!, 'Ben', 'Listener');
		const projectorLink = await ana!
			.getByRole('link', { name: 'Open the projector view in a new tab' })
			.getAttribute('href');
		const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
		const projector = await projectorContext.newPage();
		await projector.goto(new URL(projectorLink!, url).href);
		await expect(timerOf(projector)).toBeVisible();

		const call = (page: Page) => page.getByRole('region', { name: 'Video call' });
		await call(ben!).getByRole('button', { name: 'Add a call link' }).click();
		const field = call(ben!).getByLabel('Meeting link');
		await expect(field).toBeFocused();
		// Checked before it is sent: https only, no name or password in it.
		for (const [link, problem] of [
			[
				'http://meet.example.com/abc-defg-hij',
				'The link must be a meeting link starting with https://.'
			],
			[
				'https://ben:secret@meet.example.com/abc',
				'The link must not contain a name or password before the address.'
			]
		] as const) {
			await field.fill(link);
			await call(ben!).getByRole('button', { name: 'Share link' }).click();
			await expect(field).toHaveAttribute('aria-invalid', 'true');
			await expect(field).toHaveAccessibleDescription(problem);
		}
		await expect(call(ana!).getByRole('link', { name: 'Join the call' })).toHaveCount(0);
		await field.fill('  https://Meet.Example.com/abc-defg-hij  ');
		await call(ben!).getByRole('button', { name: 'Share link' }).click();

		const meeting = 'https://meet.example.com/abc-defg-hij';
		for (const page of [ana!, ben!, projector]) {
			const join = page.getByRole('link', { name: 'Join the call' });
			await expect(join).toHaveAttribute('href', meeting);
			await expect(join).toHaveAttribute('target', '_blank');
			await expect(join).toHaveAttribute('rel', 'noopener noreferrer');
		}
		await expect(call(ana!)).toContainText('meet.example.com · shared by Ben');
		await expect(projector.getByText('meet.example.com')).toBeVisible();
		// With the call shown, the QR code is still whole and large enough to scan from the back.
		// The side column cuts what does not fit (overflow: hidden), so its bottom is the limit.
		const code = await projector.locator('.join .code').boundingBox();
		const address = await projector.locator('.join .url').boundingBox();
		const side = await projector.locator('aside.side').boundingBox();
		expect(code!.height).toBeGreaterThanOrEqual(0.4 * 1080);
		expect(address!.y + address!.height).toBeLessThanOrEqual(side!.y + side!.height);
		await expect(projector.getByRole('link', { name: 'Join the call' })).toBeInViewport({
			ratio: 1
		});
		await expectAccessible(ana!);
		await expectAccessible(projector);

		// The call opens in a new tab that has no way back to the room and is not told where from.
		await ana!
			.context()
			.route(`${meeting}**`, (route) =>
				route.fulfill({ contentType: 'text/html', body: '<title>Call</title>' })
			);
		const [tab] = await Promise.all([
			ana!.context().waitForEvent('page'),
			call(ana!).getByRole('link', { name: 'Join the call' }).click()
		]);
		await tab.waitForLoadState();
		expect(tab.url()).toBe(meeting);
		expect(await tab.evaluate(() => [window.opener === null, document.referrer])).toEqual([
			true,
			''
		]);
		await tab.close();

		// With the controls locked, only the host changes it; removing it removes it everywhere.
		await ana!.getByLabel('Only I control phases and timer').check();
		await expect(call(ben!).getByRole('button', { name: 'Change link' })).toHaveCount(0);
		await call(ana!).getByRole('button', { name: 'Remove link' }).click();
		for (const page of [ana!, ben!, projector]) {
			await expect(page.getByRole('link', { name: 'Join the call' })).toHaveCount(0);
		}
		await expect(call(ben!)).toContainText('No call link shared yet.');
		await projectorContext.close();
	} finally {
		await ana!.context().close();
		await ben!.context().close();
	}
});

test('single-key shortcuts can be turned off in their help, and stay off after a reload (WCAG 2.1.4)', async ({
	app,
	browser
}) => {
	const [ana, ben] = await people(browser, 2);
	try {
		await joinPair(app.url, ana!, ben!);

		// A screen reader's browse mode or speech input sends letters not meant for the room.
		await ben!.getByRole('button', { name: 'Keyboard shortcuts' }).click();
		const help = ben!.getByRole('dialog', { name: 'Keyboard shortcuts' });
		const use = help.getByRole('checkbox', { name: 'Use these single-key shortcuts' });
		await expect(use).toBeChecked();
		const raise = ben!.getByRole('button', { name: 'Raise hand' });
		await expect(raise).toHaveAttribute('aria-keyshortcuts', 'H');
		await use.uncheck();
		await help.getByRole('button', { name: 'Close' }).click();
		await expect(help).toBeHidden();
		// No button announces a key that no longer does anything.
		await expect(raise).not.toHaveAttribute('aria-keyshortcuts');
		await focusPage(ben!);
		await ben!.keyboard.press('h');
		await ben!.keyboard.press('?');
		await expect(help).toBeHidden();
		await ben!.keyboard.press('n');
		// Ana's key still works on her screen, and is the first move the room sees.
		await focusPage(ana!);
		await ana!.keyboard.press('n');
		await expect(stepOf(ben!)).toHaveAttribute('data-step', '1');
		await expect(stepOf(ana!)).toHaveAttribute('data-step', '1');
		const hands = ana!.getByRole('region', { name: 'Raised hands' });
		await expect(hands.getByText('No hands raised.')).toBeVisible();

		await ben!.reload();
		await expect(stepOf(ben!)).toHaveAttribute('data-step', '1');
		await focusPage(ben!);
		await ben!.keyboard.press('h');
		await ben!.keyboard.press('?');
		await expect(help).toBeHidden();
		await ben!.getByRole('button', { name: 'Keyboard shortcuts' }).click();
		await expect(use).not.toBeChecked();
		await use.check();
		await help.getByRole('button', { name: 'Close' }).click();
		await focusPage(ben!);
		await ben!.keyboard.press('h');
		await expect(hands.getByRole('listitem')).toHaveText([/^Ben/]);
		await expectAccessible(ben!);
	} finally {
		await ana!.context().close();
		await ben!.context().close();
	}
});

test('a call link the server and the browser write differently (a * in its host) keeps every screen following the room', async ({
	app,
	browser
}) => {
	const [ana, ben] = await people(browser, 2);
	try {
		await joinPair(app.url, ana!, ben!);

		// Chromium writes this host as meet%2Aroom; the server's parser writes it back as meet*room.
		const call = (page: Page) => page.getByRole('region', { name: 'Video call' });
		await call(ben!).getByRole('button', { name: 'Add a call link' }).click();
		await call(ben!).getByLabel('Meeting link').fill('https://meet*room.example.com/abc');
		await call(ben!).getByRole('button', { name: 'Share link' }).click();
		for (const page of [ana!, ben!]) {
			await expect(page.getByRole('link', { name: 'Join the call' })).toBeVisible();
		}
		// The room goes on moving on both screens.
		await ana!.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(timerOf(ben!)).toHaveAttribute('data-status', 'running');
		await moveOn(ben!);
		await expect(stepOf(ana!)).toHaveAttribute('data-step', '1');
		await expect(stepOf(ben!)).toHaveAttribute('data-step', '1');
	} finally {
		await ana!.context().close();
		await ben!.context().close();
	}
});

test('the tab title of someone removed, and of an erased room, is plain at once, though the timer still runs', async ({
	app,
	browser
}) => {
	const [ana, ben, cy] = await people(browser, 3);
	try {
		const url = await hostRoom(ana!, app.url, 'Ana');
		for (const [page, name] of [
			[ben!, 'Ben'],
			[cy!, 'Cy']
		] as const) {
			await page.goto(url);
			await joinRoom(page, name, 'Listener');
		}
		await ana!.getByRole('button', { name: 'Start', exact: true }).click();
		const counting = /^[01]:\d\d · Settle in · /;
		for (const page of [ana!, ben!, cy!]) await expect(page).toHaveTitle(counting);

		await ana!.getByRole('button', { name: 'Remove Ben' }).click();
		await ana!.getByRole('button', { name: 'Confirm' }).click();
		await expect(
			ben!.getByRole('heading', { name: 'You are no longer in this room' })
		).toBeVisible();
		await expect(ben!).toHaveTitle(PLAIN);
		await expect(cy!).toHaveTitle(counting);

		await ana!.getByRole('button', { name: 'End and erase the room', exact: true }).click();
		await ana!.getByRole('button', { name: 'Erase now' }).click();
		for (const page of [ana!, cy!]) await expect(page).toHaveTitle(PLAIN);
	} finally {
		for (const page of [ana!, ben!, cy!]) await page.context().close();
	}
});

test('no key presses a button behind an open dialog, even when focus has left the dialog for the page', async ({
	app,
	browser
}) => {
	const [ana, ben] = await people(browser, 2);
	try {
		await joinPair(app.url, ana!, ben!);
		await ana!.getByRole('button', { name: 'Pause for everyone' }).click();
		const pause = ben!.getByRole('dialog', { name: 'Paused for everyone' });
		await expect(pause).toBeVisible();
		// Focus on the page itself, as a script or a click on the dialog's text may leave it.
		await ben!.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		await expect(ben!.locator('body')).toBeFocused();
		await ben!.keyboard.press('h');
		// A hand raised from behind the dialog would reach the room before Ben's resume does.
		await pause.getByRole('button', { name: 'Resume' }).click();
		await expect(ana!.getByRole('dialog', { name: 'Paused for everyone' })).toBeHidden();
		const hands = ana!.getByRole('region', { name: 'Raised hands' });
		await expect(hands.getByText('No hands raised.')).toBeVisible();
	} finally {
		await ana!.context().close();
		await ben!.context().close();
	}
});
