import { WAIT_REASONS } from '../../src/lib/client/offline-actions';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { hostAndParticipant, pageTop, TABLET } from './layout';
import { callOf, shareCallLink } from './live-room';
import { cutWords, PHONE, smallTargets } from './phone';

/** How the room is laid out on a phone (the session, people, more and host tabs) and on a tablet. */

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
	// No link yet: setting one up is not the session itself.
	await expect(callOf(host)).toBeHidden();
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
	await shareCallLink(host, 'https://meet.example.com/abc-defg-hij');

	// Shared: whoever is on the Session tab joins it there, and the phase stays on the first screen.
	const joinCall = callOf(guest).getByRole('link', { name: 'Join the call' });
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
