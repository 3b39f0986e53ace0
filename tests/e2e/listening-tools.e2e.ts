import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

const phaseOf = (page: Page) => page.locator('[data-step]');
const ratingsOf = (page: Page) => page.getByRole('list', { name: 'Ratings' }).getByRole('listitem');

test.describe.serial('the Active Listening Sprint’s tools, in two browsers', () => {
	let a: Page;
	let b: Page;

	test.beforeAll(async ({ browser, app }) => {
		a = await openPerson(browser);
		b = await openPerson(browser);
		const url = await newRoom(app.url, 'active-listening-sprint');
		await a.goto(url);
		await joinRoom(a, 'Ada', 'Speaker');
		await b.goto(url);
		await joinRoom(b, 'Bo', 'Listener');
	});
	test.afterAll(async () => {
		await a.context().close();
		await b.context().close();
	});

	async function next(page: Page, step: string) {
		await page.getByRole('button', { name: /^(Next phase|Start round)/ }).click();
		for (const person of [a, b]) await expect(phaseOf(person)).toContainText(step);
	}

	test('the listener’s advice shows a gentle hint, and the speaker sees the paraphrase live', async () => {
		await next(a, 'Step 2 of 10');
		await next(a, 'Step 3 of 10');
		await expect(b.getByText('This round · Ada: speaker · Bo: listener')).toBeVisible();
		const feelings = b.getByLabel('Feelings');
		await feelings.click();
		await feelings.pressSequentially('You felt unheard. ');
		await expect(b.getByText('sounds like advice')).toHaveCount(0);
		await feelings.pressSequentially('Why don’t you tell her?');
		await expect(b.getByRole('status').filter({ hasText: 'sounds like advice' })).toContainText(
			'“why don’t you”'
		);
		// The hint never blocks: typing goes on, and the speaker sees every word.
		await feelings.pressSequentially(' Sorry, that was advice.');
		await expect(a.getByLabel('Feelings')).toHaveValue(
			'You felt unheard. Why don’t you tell her? Sorry, that was advice.'
		);
		// The hint is the writer's alone: on the speaker's screen it would correct the listener.
		await expect(a.getByText('sounds like advice')).toHaveCount(0);
		await b.getByLabel('Needs').fill('Recognition for the work you did.');
		await expect(a.getByLabel('Needs')).toHaveValue('Recognition for the work you did.');
	});

	test('ratings stay hidden until both have rated, then both see the same ones', async () => {
		await next(a, 'A short silence');
		await a.getByRole('dialog').getByRole('button', { name: 'Back to the room' }).click();
		await expect(a.getByRole('dialog')).toBeHidden();
		await a.getByRole('button', { name: 'Return to the silence' }).click();
		await expect(a.getByRole('dialog', { name: 'A short silence' })).toBeVisible();
		await a.keyboard.press('Escape');
		await expect(a.getByRole('dialog')).toBeHidden();
		await next(a, 'How understood did you feel?');
		await expect(b.getByRole('dialog')).toHaveCount(0);

		const askA = a.getByRole('group', { name: 'How understood did you feel?' });
		const askB = b.getByRole('group', { name: 'How understood do you think the speaker felt?' });
		await askA.getByRole('radio', { name: /4/ }).check();
		await a.getByRole('button', { name: 'Submit rating' }).click();
		await expect(a.getByText('You rated 4 (Mostly).')).toBeVisible();
		await expect(b.getByText('Rated: Ada.')).toBeVisible();
		await expect(b.getByText('Waiting for Bo.')).toBeVisible();
		for (const page of [a, b]) await expect(ratingsOf(page)).toHaveCount(0);
		expect(await b.content()).not.toContain('data-rating');

		await askB.getByRole('radio', { name: /3/ }).check();
		await b.getByRole('button', { name: 'Submit rating' }).click();
		for (const page of [a, b]) {
			await expect(page.getByText('The ratings, shown together:')).toBeVisible();
			await expect(ratingsOf(page)).toHaveCount(2);
			await expect(ratingsOf(page).nth(0)).toContainText(/Ada \(Speaker\)\s*4 · Mostly/);
			await expect(ratingsOf(page).nth(1)).toContainText(/Bo \(Listener\)\s*3 · Partly/);
		}
		expect(await ratingsOf(a).allInnerTexts()).toEqual(await ratingsOf(b).allInnerTexts());
	});

	test('the next round swaps the roles and starts a fresh paraphrase', async () => {
		await next(b, 'Round 2 of 2');
		await expect(a.getByRole('heading', { name: 'Your role: Listener' })).toBeVisible();
		await expect(b.getByRole('heading', { name: 'Your role: Speaker' })).toBeVisible();
		await next(a, 'Step 7 of 10');
		await expect(a.getByText('This round · Bo: speaker · Ada: listener')).toBeVisible();
		await expect(a.getByLabel('Feelings')).toHaveValue('');
		await expect(a.getByText('Reflect what you heard in three parts.')).toBeVisible();
	});

	test('at the end of the last round the room offers one more', async () => {
		await next(a, 'Step 8 of 10');
		await a.getByRole('dialog').getByRole('button', { name: 'Back to the room' }).click();
		await next(a, 'Step 9 of 10');
		await b.getByRole('button', { name: 'One more round' }).click();
		for (const page of [a, b]) {
			await expect(phaseOf(page)).toContainText('Step 10 of 14 · Round 3 of 3');
			await expect(page.getByRole('heading', { name: 'Tell the story' })).toBeVisible();
		}
	});
});
