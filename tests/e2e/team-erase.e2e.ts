import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openPerson, test } from './fixtures';

const highlights = (page: Page) => page.getByRole('region', { name: /^Highlights of/ });
const eraseSection = (page: Page) => page.getByRole('region', { name: 'Erase this space' });

async function postHighlight(page: Page, story: string): Promise<void> {
	await highlights(page).getByLabel('Your story').fill(story);
	await highlights(page).getByRole('button', { name: 'Post to the team' }).click();
	await expect(highlights(page).getByText(story)).toBeVisible();
}

test('[T6] two members who posted both agree: the space is erased for everyone', async ({
	app,
	browser
}) => {
	const created = await fetch(`${app.url}/api/teams`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'Erasable team' })
	});
	const { id } = (await created.json()) as { id: string };
	const url = `${app.url}/t/${id}`;
	const [ana, ben] = await Promise.all([openPerson(browser), openPerson(browser)]);
	for (const person of [ana, ben]) {
		await person.goto(url);
		await expect(person.getByRole('heading', { name: 'Erasable team', level: 1 })).toBeVisible();
	}
	await postHighlight(ana, 'Thanks for the practice run');
	await postHighlight(ben, 'Good listening today');

	// Ana asks first; the question is accessible, and Cancel changes nothing.
	await eraseSection(ana).getByRole('button', { name: 'Erase this space…' }).click();
	await expect(eraseSection(ana).getByRole('button', { name: 'Cancel' })).toBeFocused();
	const { violations } = await new AxeBuilder({ page: ana })
		.include('section[aria-labelledby]')
		.analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	await eraseSection(ana).getByRole('button', { name: 'Agree to erase' }).click();
	await expect(eraseSection(ana).getByRole('status')).toContainText('1 member has agreed so far');

	// Ben's highlight is his: the space waits for him, then goes.
	await ben.reload();
	await expect(highlights(ben).getByText('Thanks for the practice run')).toBeVisible();
	await eraseSection(ben).getByRole('button', { name: 'Erase this space…' }).click();
	await eraseSection(ben).getByRole('button', { name: 'Agree to erase' }).click();
	await expect(ben.getByRole('heading', { name: 'Space erased' })).toBeVisible();

	await ana.reload();
	await expect(ana.getByRole('heading', { name: 'Team link not found' })).toBeVisible();
});
