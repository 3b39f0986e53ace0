import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { WAIT_REASONS } from '../../src/lib/client/offline-actions';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

const stepOf = (page: Page) => page.locator('[data-step]');
const rosterOf = (page: Page) => page.locator('section[aria-labelledby="roster-title"]');

/** Fails on serious or critical accessibility problems, naming each. */
async function expectAccessible(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(grave.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Presses Next phase once it has settled after the last move (protocol S5). */
async function next(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: 'Next phase' });
	await expect(button).not.toHaveAttribute('aria-disabled', 'true');
	await button.click();
}

test('[S21] presses made offline are kept and sent on return if the room is still where they were meant; the timer waits, saying why (issue 19.1)', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const ana = await openPerson(browser);
	const ben = await openPerson(browser);
	try {
		await ana.goto(url);
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(url);
		await joinRoom(ben, 'Ben');
		await expect(rosterOf(ben).locator('[data-status="connected"]')).toHaveCount(2);

		// Ben's Wi-Fi drops: he sees what still works and what waits; Ana's presence is unknown.
		await ben.context().setOffline(true);
		const banner = ben.locator('[data-connection="reconnecting"]');
		await expect(banner).toContainText('notes and shared text are kept on this device');
		await expect(banner).toContainText('The timer, pausing for everyone and host actions wait');
		await expect(rosterOf(ben).locator('[data-status="unknown"]')).toContainText('Ana');
		await expect(rosterOf(ben).locator('[data-status="offline"]')).toContainText('Ben');
		await expect(rosterOf(ben).locator('[data-status="connected"]')).toHaveCount(0);
		await expect(ben.getByRole('button', { name: 'Start' })).toBeDisabled();
		await expect(ben.getByText(WAIT_REASONS.timer())).toBeVisible();
		await expect(ben.getByRole('button', { name: 'Pause for everyone' })).toBeDisabled();

		await next(ben);
		await ben.getByRole('button', { name: 'Raise hand' }).click();
		await expect(banner.locator('[data-waiting]')).toHaveText(
			'Waiting to send: Next phase →, Raise hand.'
		);
		await expect(stepOf(ben)).toHaveAttribute('data-step', '0');
		await expectAccessible(ben);

		// Back: the room had not moved, so both presses go through, and Ben is told.
		await ben.context().setOffline(false);
		await expect(
			ben.getByText('Sent now that you are back: Next phase →, Raise hand.')
		).toBeVisible({
			timeout: 20_000
		});
		for (const page of [ana, ben]) {
			await expect(stepOf(page)).toHaveAttribute('data-step', '1');
			await expect(page.locator('.hands')).toContainText('Ben');
		}
		await expect(rosterOf(ben).locator('[data-status="connected"]')).toHaveCount(2);

		// Offline again, Ben presses Next meant for "Tell the story"; Ana moves on meanwhile.
		await expect(ben.getByRole('button', { name: 'Next phase' })).not.toHaveAttribute(
			'aria-disabled',
			'true'
		);
		await ben.context().setOffline(true);
		await expect(banner).toBeVisible();
		await next(ben);
		await expect(banner.locator('[data-waiting]')).toHaveText('Waiting to send: Next phase →.');
		await next(ana);
		await expect(stepOf(ana)).toHaveAttribute('data-step', '2');

		await ben.context().setOffline(false);
		await expect(
			ben.getByText(
				'Not sent: Next phase →. While you were offline the room moved on to “Reflect it back”.'
			)
		).toBeVisible({ timeout: 20_000 });
		// The press meant for the step before did not move the room a second time.
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '2');
		await expect(ben.locator('[data-waiting]')).toHaveCount(0);
		await expectAccessible(ben);
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});

test('[S21] cut off, the host’s controls, lowering someone’s hand, ending the room and a rating are visibly unavailable, saying why, and come back on return (issue 19.1)', async ({
	app,
	browser
}) => {
	const ada = await openPerson(browser);
	const ben = await openPerson(browser);
	try {
		await ada.goto(app.url);
		const card = ada.locator('[data-playbook="active-listening-sprint"]');
		await card.getByRole('button', { name: 'Start a room' }).click();
		await ada.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
		await joinRoom(ada, 'Ada', 'Speaker');
		await ben.goto(ada.url());
		await joinRoom(ben, 'Ben');
		// Ada takes the room to the rating step, stepping out of the silence's dialog on the way.
		for (const step of ['1', '2', '3']) {
			await next(ada);
			await expect(stepOf(ada)).toHaveAttribute('data-step', step);
		}
		await ada.getByRole('dialog').getByRole('button', { name: 'Back to the room' }).click();
		await expect(ada.getByRole('dialog')).toBeHidden();
		await next(ada);
		for (const page of [ada, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '4');
		await ben.getByRole('button', { name: 'Raise hand' }).click();
		const lowerBen = ada.getByRole('button', { name: 'Lower Ben’s hand' });
		await expect(lowerBen).toBeEnabled();

		await ada.context().setOffline(true);
		await expect(ada.locator('[data-connection="reconnecting"]')).toBeVisible();
		const lock = ada.getByLabel('Lock the room to new people');
		await expect(lock).toBeDisabled();
		// Said on the host's card and under the raised hands.
		await expect(ada.getByText(WAIT_REASONS.host())).toHaveCount(2);
		await expect(ada.getByRole('button', { name: 'Remove Ben' })).toBeDisabled();
		await expect(lowerBen).toBeDisabled();
		await expect(ada.getByRole('button', { name: 'End and erase the room' })).toBeDisabled();
		await expect(ada.getByText(WAIT_REASONS.erase())).toBeVisible();
		await ada.getByRole('radio', { name: /4/ }).check();
		await expect(ada.getByRole('button', { name: 'Submit rating' })).toBeDisabled();
		await expect(ada.getByText(WAIT_REASONS.rating())).toBeVisible();
		await expectAccessible(ada);

		// Back: the same controls work again, and the chosen rating is still there to submit.
		await ada.context().setOffline(false);
		await expect(lock).toBeEnabled({ timeout: 20_000 });
		await expect(ada.getByText(WAIT_REASONS.host())).toHaveCount(0);
		await ada.getByRole('button', { name: 'Submit rating' }).click();
		await expect(ada.getByText('You rated 4 (Mostly).')).toBeVisible();
		await lowerBen.click();
		await expect(ben.getByRole('button', { name: 'Raise hand' })).toBeVisible();
		await lock.check();
		await expect(ben.getByText('The room is locked to new people.')).toBeVisible();
	} finally {
		await ada.context().close();
		await ben.context().close();
	}
});

test('[S21] cut off on a small phone in German, the banner says it in one line and folds the rules: the timer stays on the first screen', async ({
	app,
	browser
}) => {
	const said = JSON.parse(
		readFileSync(new URL('../../messages/room/de.json', import.meta.url), 'utf8')
	) as Record<string, string>;
	const context = await browser.newContext({
		locale: 'de-DE',
		viewport: { width: 320, height: 640 },
		hasTouch: true,
		isMobile: true
	});
	try {
		const page = await context.newPage();
		await page.goto(await newRoom(app.url, 'active-listening-sprint'));
		await page.getByLabel(said.room_join_name ?? '').fill('Ana');
		await page.getByRole('button', { name: said.room_join, exact: true }).click();
		await page.getByRole('button', { name: said.room_action_agree, exact: true }).click();
		const timer = page.locator('[data-remaining-ms]');
		await expect(timer).toBeVisible();

		await context.setOffline(true);
		const banner = page.locator('[data-connection="reconnecting"]');
		await expect(banner).toContainText(said.room_banner_reconnecting ?? '');
		// The timer's figures are whole on the first screen, under the banner and the tabs.
		const timerBottom = await timer.evaluate(
			(element) => element.getBoundingClientRect().bottom + scrollY
		);
		expect(timerBottom).toBeLessThan(640);
		const rules = banner.getByText(said.room_banner_cut_off ?? '');
		await expect(rules).toBeHidden();
		await banner.getByText(said.room_banner_meanwhile ?? '').click();
		await expect(rules).toBeVisible();
		await expect(banner.getByText(said.room_banner_kept ?? '')).toBeVisible();
	} finally {
		await context.close();
	}
});
