import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

/** A person in their own time zone, in a browser of their own. */
async function personIn(browser: Browser, timezoneId: string): Promise<Page> {
	const context = await browser.newContext({ timezoneId, viewport: { width: 1200, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

/** Fills and saves a pairing card with one strength or one stretch goal. */
async function fillCard(
	page: Page,
	name: string,
	skill: string,
	as: 'Strengths' | 'Stretch goals'
) {
	const form = page.getByRole('form', { name: 'Your pairing card' });
	await form.getByLabel('Display name').fill(name);
	await form
		.getByRole('group', { name: new RegExp(`^${as}`) })
		.getByLabel(skill, { exact: true })
		.check();
	await form.getByRole('button', { name: 'Save my card' }).click();
	await expect(form.getByRole('button', { name: 'Update my card' })).toBeVisible();
}

const pairsOn = (page: Page) => page.getByRole('list', { name: 'Pairs' }).getByRole('listitem');

test('four people pair across two time zones, each sees why in their own time, and a pair starts its room', async ({
	app,
	browser
}) => {
	const created = await fetch(`${app.url}/api/teams`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'Support' })
	});
	const { url: teamUrl } = (await created.json()) as { url: string };

	const ana = await personIn(browser, 'Africa/Lagos');
	const ben = await personIn(browser, 'America/Bogota');
	const cy = await personIn(browser, 'Africa/Lagos');
	const di = await personIn(browser, 'America/Bogota');
	const people = [ana, ben, cy, di];
	for (const page of people) await page.goto(teamUrl);
	await expect(ana.getByLabel('Time zone')).toHaveValue('Africa/Lagos');
	await expect(ben.getByLabel('Time zone')).toHaveValue('America/Bogota');

	await fillCard(ana, 'Ana', 'giving feedback', 'Strengths');
	await fillCard(ben, 'Ben', 'giving feedback', 'Stretch goals');
	await fillCard(cy, 'Cy', 'listening', 'Strengths');
	await fillCard(di, 'Di', 'listening', 'Stretch goals');

	await ana.getByRole('button', { name: 'Make pairs' }).click();
	await expect(ana.getByRole('heading', { name: 'Round 1' })).toBeVisible();
	for (const page of people) {
		await page.reload();
		await expect(pairsOn(page)).toHaveCount(2);
		await expect(pairsOn(page).filter({ hasText: 'Ana' })).toContainText('Ben');
		await expect(pairsOn(page).filter({ hasText: 'Cy' })).toContainText('Di');
	}
	// Each sees the reasons in their own time: Lagos is six hours ahead of Bogotá. Neither changes
	// its clocks, so this holds in any week the test runs (Berlin and New York are five hours
	// apart for weeks each spring and autumn).
	await expect(ana.locator('.why')).toContainText(
		/Your strength giving feedback is Ben's stretch goal; you overlap .*15:00–17:00 your time \(09:00–11:00 for Ben\)/
	);
	await expect(ben.locator('.why')).toContainText(
		/Ana's strength giving feedback is your stretch goal; you overlap .*09:00–11:00 your time \(15:00–17:00 for Ana\)/
	);
	await expect(ana.locator('.slot')).toContainText('15:00 (Africa/Lagos); ');
	await expect(ana.locator('.slot')).toContainText('09:00 (America/Bogota) for Ben');
	const { violations } = await new AxeBuilder({ page: ana }).analyze();
	expect(
		violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
	).toEqual([]);

	// Ana's calendar file carries the pair's room, the one Ben then starts.
	const download = ana.waitForEvent('download');
	await ana.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
	const path = await (await download).path();
	const vevent = new ICAL.Component(ICAL.parse(await readFile(path, 'utf8'))).getFirstSubcomponent(
		'vevent'
	);
	const roomLink = String(vevent?.getFirstPropertyValue('location'));
	expect(roomLink).toMatch(/\/r\/[A-Za-z0-9_-]{22}$/);
	// It names the playbook the page suggests for the pair.
	const suggested = await ana.getByText(/^Suggested playbook: /).textContent();
	expect(String(vevent?.getFirstPropertyValue('description'))).toContain(suggested);
	await ben.getByRole('button', { name: 'Start our room' }).click();
	await expect(ben).toHaveURL(roomLink);
	await expect(ben.getByLabel('Your name')).toBeVisible();

	// Cy finds it not a good fit: the pair ends for Di too, without saying who, and the next
	// round pairs both with someone else.
	await cy.getByRole('button', { name: 'Not a good fit' }).click();
	await expect(cy.getByText('This pairing has ended. You are both back in the pool')).toBeVisible();
	await di.reload();
	await expect(di.getByText('This pairing has ended. You are both back in the pool')).toBeVisible();
	await di.getByRole('button', { name: 'Make pairs' }).click();
	await expect(di.getByRole('heading', { name: 'Round 2' })).toBeVisible();
	await expect(pairsOn(di)).toHaveCount(2);
	await expect(pairsOn(di).filter({ hasText: 'Di' })).not.toContainText('Cy');
	await expect(pairsOn(di).filter({ hasText: 'Cy' })).toHaveCount(1);
	for (const page of people) await page.context().close();
});
