import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';

const OUT = 'docs/screenshots';

async function personAt(browser: Browser, width: number, height: number): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height } });
	return context.newPage();
}

/** Joins with a role and confirms the agreements, on any screen size. */
async function join(page: Page, url: string, name: string, role: string): Promise<void> {
	if (page.url() !== url) await page.goto(url);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('radio', { name: new RegExp(role) }).check();
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await page.getByRole('button', { name: 'I agree' }).click();
	await expect(page.locator('[data-step]')).toBeVisible();
}

/** The screen as a person first sees it: at the top, no focus ring left from a click. */
async function shoot(page: Page, name: string): Promise<void> {
	await page.evaluate(() => {
		(document.activeElement as HTMLElement | null)?.blur();
		scrollTo(0, 0);
	});
	await page.screenshot({ path: `${OUT}/${name}.png` });
}

test('README pictures: a circle on a phone, a tablet, a laptop and the projector', async ({
	browser,
	app
}) => {
	const ana = await personAt(browser, 390, 844);
	await ana.goto(app.url);
	await ana
		.locator('[data-playbook="listening-circle"]')
		.getByRole('button', { name: 'Start a room' })
		.click();
	await ana.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
	const url = ana.url();
	await join(ana, url, 'Ana', 'Speaker');
	const ben = await personAt(browser, 390, 844);
	await join(ben, url, 'Ben', 'Listener');
	const cy = await personAt(browser, 768, 1024);
	await join(cy, url, 'Cy', 'Observer');
	const dee = await personAt(browser, 1200, 860);
	await join(dee, url, 'Dee', 'Observer');

	for (const step of ['Step 2 of', 'Step 3 of']) {
		const next = ana.getByRole('button', { name: /^(Next phase|Start round)/ });
		await expect(next).not.toHaveAttribute('aria-disabled', 'true');
		await next.click();
		for (const page of [ana, ben, cy, dee])
			await expect(page.locator('[data-step]')).toContainText(step);
	}
	const feelings = ben.getByLabel('Feelings');
	await feelings.click();
	await feelings.pressSequentially('It sounds like you felt proud, and a little unseen.');
	await ana.getByRole('button', { name: 'Start', exact: true }).click();
	// The circle talks over a video call: every screen, and the projector, gets its Join button.
	const call = dee.getByRole('region', { name: 'Video call' });
	await call.getByRole('button', { name: 'Add a call link' }).click();
	await call.getByLabel('Meeting link').fill('https://meet.example.com/abc-defg-hij');
	await call.getByRole('button', { name: 'Share link' }).click();
	for (const page of [ana, ben, cy, dee])
		await expect(page.getByRole('link', { name: 'Join the call' })).toBeVisible();
	await cy.getByRole('button', { name: 'Raise hand' }).click();
	for (const page of [ana, ben, cy, dee])
		await expect(page.getByLabel('Feelings')).toHaveValue(/a little unseen/);

	const link = await dee
		.getByRole('link', { name: 'Open the projector view in a new tab' })
		.getAttribute('href');
	const projector = await personAt(browser, 1920, 1080);
	await projector.goto(new URL(link!, url).href);
	await expect(projector.locator('[data-remaining-ms]')).toBeVisible();

	await shoot(ana, 'room-mobile-host');
	await shoot(ben, 'room-mobile');
	await shoot(cy, 'room-tablet');
	await shoot(dee, 'room');
	await shoot(projector, 'projector');
	for (const page of [ana, ben, cy, dee, projector]) await page.context().close();
});
