import type { Browser, Locator, Page } from '@playwright/test';
import { WAIT_REASONS } from '../../src/lib/client/offline-actions';
import { expectAccessible } from './axe';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';
import { moveOn } from './live-room';
import { overflowOf } from './phone';

/** The smallest phone in use: what is said beside a control must fit it too. */
const NARROW_PHONE = { width: 320, height: 640 };
/** A small phone, common among the people who practise on one. */
const SMALL_PHONE = { width: 360, height: 640 };

async function onPhone(
	browser: Browser,
	viewport: { width: number; height: number } = NARROW_PHONE
): Promise<Page> {
	const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

const stepOf = (page: Page) => page.locator('[data-step]');

/** The live regions whose words name `words`: each is one announcement to a screen reader. */
const announcing = (page: Page, words: string) =>
	page.evaluate(
		(words) =>
			[...document.querySelectorAll('[role="status"], [role="alert"], [aria-live]')].filter(
				(region) => region.checkVisibility() && region.textContent?.includes(words)
			).length,
		words
	);

/** A kept press shows on its button and in words right under it, which describe the button. */
async function expectKeptBeside(button: Locator, note: Locator, action: string): Promise<void> {
	const words = `${action} — kept, sends when you are back.`;
	await expect(note).toHaveText(words);
	await expect(note).toBeInViewport();
	await expect(button).toHaveAttribute('data-kept', '');
	await expect(button).toHaveAccessibleDescription(new RegExp(words));
}

test('[S21] on a 320 px phone, a press kept while offline says so beside its button, heard once; a waiting control says why beside it, not in a tooltip (issue 19.1)', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const ana = await onPhone(browser);
	const ben = await onPhone(browser);
	try {
		await ana.goto(url);
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(url);
		await joinRoom(ben, 'Ben');

		await ben.context().setOffline(true);
		const banner = ben.locator('[data-connection="reconnecting"]');
		await expect(banner).toBeVisible();

		// Ready, far down the session: the note comes under the button, where the thumb is.
		const ready = ben.getByRole('button', { name: 'I’m ready to move on' });
		await ready.tap();
		const readyCard = ben.locator('section.ready');
		await expectKeptBeside(ready, readyCard.locator('[data-kept-note]'), 'I’m ready to move on');
		// One announcement: the banner's list of what waits; the note is read with its button.
		expect(await announcing(ben, 'I’m ready to move on')).toBe(1);

		// Next, in the phase card: the note names the move, under the moves.
		const next = ben.getByRole('button', { name: 'Next phase' });
		await expect(next).not.toHaveAttribute('aria-disabled', 'true');
		await next.tap();
		const phase = ben.locator('section.phase');
		await expectKeptBeside(next, phase.locator('[data-kept-note]'), 'Next phase →');
		await expect(ben.getByRole('button', { name: '← Previous' })).not.toHaveAttribute('data-kept');
		expect(await announcing(ben, 'Next phase')).toBe(1);

		// Raise hand, under People.
		await ben.getByRole('tab', { name: /People/ }).tap();
		const hand = ben.getByRole('button', { name: 'Raise hand' });
		await hand.tap();
		await expectKeptBeside(hand, ben.locator('section.hands [data-kept-note]'), 'Raise hand');
		await expect(banner.locator('[data-waiting]')).toHaveText(
			'Waiting to send: I’m ready to move on, Next phase →, Raise hand.'
		);

		// Pause for everyone waits: its reason is on screen beside it, and describes it.
		const pause = ben.getByRole('button', { name: 'Pause for everyone' });
		await expect(pause).toBeDisabled();
		await expect(pause).not.toHaveAttribute('title');
		await expect(pause).toHaveAccessibleDescription(WAIT_REASONS.pause());
		const pauseWhy = ben.locator('.room-head p.why');
		await expect(pauseWhy).toHaveText(WAIT_REASONS.pause());
		await pause.scrollIntoViewIfNeeded();
		await expect(pauseWhy).toBeInViewport();

		expect(await overflowOf(ben, 'body')).toEqual({ outside: [], pageScrolls: false });
		await expectAccessible(ben);

		// Back: what was kept is sent, and the notes and marks go.
		await ben.context().setOffline(false);
		await expect(ben.getByText(/Sent now that you are back/)).toBeVisible({ timeout: 20_000 });
		await expect(ben.locator('[data-kept-note]')).toHaveCount(0);
		await expect(ben.locator('[data-kept]')).toHaveCount(0);
		await expect(pauseWhy).toHaveCount(0);
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '1');
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});

test('[S21] on a 360 px phone, Start round 2 → pressed offline at the screen’s bottom edge is kept under it in its own words, scrolled into sight while focus stays on it (issue 19.1)', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const ana = await openPerson(browser);
	const ben = await onPhone(browser, SMALL_PHONE);
	try {
		await ana.goto(url);
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(url);
		await joinRoom(ben, 'Ben');

		// Ana takes the room to the rating that ends round 1, leaving the silence's screen on step 3.
		for (let step = 1; step <= 4; step++) {
			if (step === 4) await ana.getByRole('button', { name: 'Back to the room' }).click();
			await moveOn(ana);
			await expect(stepOf(ana)).toHaveAttribute('data-step', String(step));
		}
		await expect(stepOf(ben)).toHaveAttribute('data-step', '4');

		await ben.context().setOffline(true);
		const banner = ben.locator('[data-connection="reconnecting"]');
		await expect(banner).toBeVisible();
		const startRound = ben.getByRole('button', { name: 'Start round 2 →' });
		await expect(startRound).not.toHaveAttribute('aria-disabled', 'true');
		// Ben has scrolled the button just into sight: its note would land below the fold.
		const bottomGap = await startRound.evaluate((button) => {
			button.scrollIntoView({ block: 'end' });
			return window.innerHeight - button.getBoundingClientRect().bottom;
		});
		expect(bottomGap).toBeLessThan(1);
		await startRound.tap();

		const note = ben.locator('section.phase [data-kept-note]');
		await expectKeptBeside(startRound, note, 'Start round 2 →');
		await expect(note).toBeInViewport({ ratio: 1 });
		await expect(startRound).toBeInViewport({ ratio: 1 });
		await expect(startRound).toBeFocused();
		await expect(banner.locator('[data-waiting]')).toHaveText('Waiting to send: Start round 2 →.');
		// Heard once, from the banner's list: the note is read with the button it describes.
		expect(await announcing(ben, 'Start round 2 →')).toBe(1);

		await ben.context().setOffline(false);
		await expect(ben.getByText('Sent now that you are back: Start round 2 →.')).toBeVisible({
			timeout: 20_000
		});
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '5');
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});
