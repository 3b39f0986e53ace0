import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

const phaseOf = (page: Page) => page.locator('[data-step]');
const scheduleOf = (page: Page) =>
	page.getByRole('region', { name: 'Who speaks when' }).getByRole('listitem');

/** Presses the forward move once it has rested after the last move. */
async function moveOn(page: Page): Promise<void> {
	const forward = page.getByRole('button', { name: /^(Next phase|Start round)/ });
	await expect(forward).not.toHaveAttribute('aria-disabled', 'true');
	await forward.click();
}

test('a circle of five: everyone speaks once; a leave and a late join skip nobody and past rounds stay (issue 19.3)', async ({
	app,
	browser
}) => {
	// Someone who closes their tab is gone after the server's leave grace (15 s).
	test.setTimeout(120_000);
	const url = await newRoom(app.url, 'listening-circle');
	const pages = new Map<string, Page>();
	try {
		for (const name of ['Ana', 'Ben', 'Cy', 'Di', 'Eve']) {
			const page = await openPerson(browser);
			await page.goto(url);
			await joinRoom(page, name, name === 'Ana' ? 'Speaker' : 'Listener');
			pages.set(name, page);
		}
		const ana = pages.get('Ana')!;
		await moveOn(ana);
		// One turn per person: five rounds for five people (the playbook's four left Eve out).
		for (const page of pages.values()) {
			await expect(phaseOf(page)).toContainText('Round 1 of 5');
			await expect(scheduleOf(page)).toHaveText([
				/Round 1\s*Ana speaks/,
				/Round 2\s*Ben speaks/,
				/Round 3\s*Cy speaks/,
				/Round 4\s*Di speaks/,
				/Round 5\s*Eve speaks/
			]);
		}
		for (let phase = 0; phase < 3; phase++) await moveOn(ana);
		await expect(phaseOf(ana)).toContainText('Round 2 of 5');

		// Cy leaves before her turn; Fay joins late.
		await pages.get('Cy')!.context().close();
		pages.delete('Cy');
		const fay = await openPerson(browser);
		await fay.goto(url);
		await joinRoom(fay, 'Fay', 'Listener');
		pages.set('Fay', fay);
		for (const page of pages.values()) {
			await expect(scheduleOf(page)).toHaveText(
				[
					/Round 1\s*Ana speaks/,
					/Round 2\s*Ben speaks/,
					/Round 3\s*Di speaks/,
					/Round 4\s*Eve speaks/,
					/Round 5\s*Fay speaks/
				],
				{ timeout: 25_000 }
			);
			await expect(phaseOf(page)).toContainText('Round 2 of 5');
		}

		for (let phase = 0; phase < 3; phase++) await moveOn(ana);
		for (const page of pages.values()) {
			await expect(phaseOf(page)).toContainText('Round 3 of 5');
			await expect(page.getByText('This round · Di: speaker · Eve: listener')).toBeVisible();
		}
		await expect(
			pages.get('Di')!.getByRole('heading', { name: 'Your role: Speaker' })
		).toBeVisible();
	} finally {
		for (const page of pages.values()) await page.context().close();
	}
});
