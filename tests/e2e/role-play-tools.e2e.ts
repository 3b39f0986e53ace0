import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

const phaseOf = (page: Page) => page.locator('[data-step]');
const scriptOf = (page: Page) => page.getByRole('region', { name: 'Script' });

async function addLine(page: Page, text: string) {
	const script = scriptOf(page);
	await script.getByLabel('Line text').fill(text);
	await script.getByRole('button', { name: 'Add line' }).click();
}

test.describe.serial('Role-Play with Reality: script, takes and the summary', () => {
	let a: Page;
	let b: Page;

	test.beforeAll(async ({ browser, app }) => {
		a = await openPerson(browser);
		b = await openPerson(browser);
		const url = await newRoom(app.url, 'role-play-with-reality');
		await a.goto(url);
		await joinRoom(a, 'Ada', 'Practitioner');
		await b.goto(url);
		await joinRoom(b, 'Bo', 'Counterpart');
		await a.getByRole('button', { name: 'Next phase' }).click();
		for (const page of [a, b]) await expect(phaseOf(page)).toContainText('Step 2 of 4');
	});
	test.afterAll(async () => {
		await a.context().close();
		await b.context().close();
	});

	test('lines from both screens, a pause, a rewind to line 2 and a new take', async () => {
		await addLine(a, 'Thanks for making time.');
		await addLine(b, 'Sure, what’s up?');
		await addLine(a, 'Your report was late again.');
		for (const page of [a, b]) {
			await expect(scriptOf(page).getByRole('listitem')).toHaveCount(3);
		}
		await expect(scriptOf(b).getByRole('listitem').nth(1)).toContainText('Counterpart');

		await a.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(b.locator('[data-status="running"]')).toBeVisible();
		await scriptOf(b).getByRole('button', { name: 'Pause' }).click();
		for (const page of [a, b]) {
			await expect(page.locator('[data-status="paused"]')).toBeVisible();
			await expect(scriptOf(page).getByText('Paused here')).toBeVisible();
		}

		await scriptOf(b).getByRole('button', { name: 'Rewind to line 2' }).click();
		for (const page of [a, b]) {
			await expect(scriptOf(page).getByRole('tab', { name: /Take 2/ })).toHaveAttribute(
				'aria-selected',
				'true'
			);
			await expect(scriptOf(page).getByRole('listitem')).toHaveCount(2);
		}
		await addLine(a, 'I noticed the report came in on Friday.');
		for (const page of [a, b]) {
			const lines = scriptOf(page).getByRole('listitem');
			await expect(lines).toHaveCount(3);
			await expect(lines.nth(2)).toContainText('I noticed the report came in on Friday.');
		}
		// The first take is kept as it was.
		await scriptOf(b)
			.getByRole('tab', { name: /Take 1/ })
			.click();
		await expect(scriptOf(b).getByRole('listitem').nth(2)).toContainText(
			'Your report was late again.'
		);
		// A line added while an older take is open goes to the newest take, which comes into view.
		await addLine(b, 'Friday? That was the deadline we agreed.');
		await expect(scriptOf(b).getByRole('tab', { name: /Take 2/ })).toHaveAttribute(
			'aria-selected',
			'true'
		);
		await expect(scriptOf(b).getByRole('listitem')).toHaveCount(4);
		await scriptOf(b).getByRole('button', { name: 'Star line 3' }).click();
		await expect(scriptOf(a).getByRole('button', { name: 'Unstar line 3' })).toBeVisible();
	});

	test('the summary lists the starred line and the two sentences, also in Markdown', async () => {
		await a.getByRole('button', { name: 'Next phase' }).click();
		await expect(phaseOf(b)).toContainText('Step 3 of 4');
		await b.getByRole('button', { name: 'Next phase' }).click();
		await expect(phaseOf(a)).toContainText('Two sentences to reuse');
		await a.getByLabel('First sentence').fill('I noticed the report came in on Friday.');
		await b.getByLabel('Second sentence').fill('Could we agree on Thursdays from now on?');
		await expect(a.getByLabel('Second sentence')).toHaveValue(
			'Could we agree on Thursdays from now on?'
		);

		// The last step offers the summary in place of Next (it is also in the side bar).
		await a.getByRole('link', { name: 'Session summary →' }).click();
		const phrases = a.getByRole('region', { name: 'Phrases that worked' });
		await expect(phrases).toContainText('I noticed the report came in on Friday.');
		const sentences = a.getByRole('region', { name: 'Two sentences to reuse' });
		await expect(sentences).toContainText('I noticed the report came in on Friday.');
		await expect(sentences).toContainText('Could we agree on Thursdays from now on?');
		await expect(a.getByRole('region', { name: 'Participants' })).toContainText('Bo');

		const [download] = await Promise.all([
			a.waitForEvent('download'),
			a.getByRole('button', { name: 'Download Markdown' }).click()
		]);
		expect(download.suggestedFilename()).toBe('role-play-with-reality-summary.md');
		const markdown = await readFile((await download.path())!, 'utf8');
		expect(markdown).toContain('I noticed the report came in on Friday.');
		expect(markdown).toContain('Could we agree on Thursdays from now on?');
		expect(markdown).toMatch(/## Phrases that worked/);
	});
});
