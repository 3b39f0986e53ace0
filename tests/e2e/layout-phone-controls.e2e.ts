import { expectAccessible } from './axe';
import { expect, joinRoom, newRoom, test } from './fixtures';
import { hostAndParticipant, personAt } from './layout';
import { holdDown, PHONE, smallTargets, tapFlashes } from './phone';

/** The controls' own look on a phone: themed radios, and a pressed state instead of a tap flash. */

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
