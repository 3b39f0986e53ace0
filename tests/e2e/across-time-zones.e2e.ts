import type { Browser } from '@playwright/test';
import { expect, joinRoom, test } from './fixtures';

/** A person’s browser in their own time zone. */
async function personIn(browser: Browser, timezoneId: string) {
	const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, timezoneId });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

test('a room across time zones: the starter sets windows, each sees the deadline in their zone, a turn moves the room on (protocol A1–A5)', async ({
	app,
	browser
}) => {
	const ana = await personIn(browser, 'Europe/Berlin');
	const ben = await personIn(browser, 'America/Los_Angeles');
	try {
		await ana.goto(`${app.url}/p/active-listening-sprint`);
		await ana.getByLabel('Run across time zones').check();
		const story = ana.getByLabel('Tell the story: hours to take the turn');
		await story.fill('0.5');
		await expect(ana.getByText('Choose between 1 and 168 hours.')).toBeVisible();
		await expect(ana.getByRole('button', { name: 'Start a room' })).toBeDisabled();
		await story.fill('12');
		await expect(async () => {
			await ana.getByRole('button', { name: 'Start a room' }).click();
			await ana.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/, { timeout: 5_000 });
		}).toPass({ timeout: 60_000 });
		await joinRoom(ana, 'Ana', 'Speaker');
		const turns = (page: typeof ana) => page.getByRole('region', { name: 'Across time zones' });
		await expect(turns(ana).getByText('Your turn: Tell the story')).toBeVisible();
		await expect(ana).toHaveTitle(/^Your turn · Tell the story/);
		// Back to the settling in, a step with no turns: the card says so and names the button
		// that moves on in that button's own words; pressing it opens the story's turn again.
		const previous = ana.getByRole('button', { name: '← Previous' });
		await expect(previous).not.toHaveAttribute('aria-disabled', 'true');
		await previous.click();
		await expect(turns(ana)).toContainText(
			'“Settle in” is not taken in turns: nobody has a turn in it. Press “Next phase →” when you are done with it'
		);
		const next = ana.getByRole('button', { name: 'Next phase →', exact: true });
		await expect(next).not.toHaveAttribute('aria-disabled', 'true');
		await next.click();
		await expect(turns(ana).getByText('Your turn: Tell the story')).toBeVisible();

		await ben.goto(ana.url());
		await joinRoom(ben, 'Ben', 'Listener');
		await expect(turns(ben).getByText('Waiting for Ana to take their turn.')).toBeVisible();
		// One deadline, in each person's own time zone.
		const deadline = await turns(ana).locator('time').getAttribute('datetime');
		await expect(turns(ben).locator('time')).toHaveAttribute('datetime', deadline ?? '');
		await expect(turns(ana).locator('time')).toContainText(/GMT\+1|CET/);
		await expect(turns(ben).locator('time')).toContainText(/PST|GMT-8/);

		await turns(ana).getByRole('button', { name: 'I’ve taken my turn' }).click();
		await expect(turns(ben).getByText('Your turn: Reflect it back')).toBeVisible();
		await expect(turns(ana).getByText('Waiting for Ben to take their turn.')).toBeVisible();

		await turns(ben).getByRole('button', { name: 'We’re both here: go live' }).click();
		await expect(turns(ana).getByText(/Playing live/)).toBeVisible();
		await turns(ana).getByRole('button', { name: 'Back to turns across time zones' }).click();
		await expect(turns(ben).getByText('Your turn: Reflect it back')).toBeVisible();
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});

test('a library card of a playbook with turns leads to its page with the choice open; one without turns offers none (protocol A1)', async ({
	app,
	browser
}) => {
	const ana = await personIn(browser, 'Europe/Berlin');
	try {
		await ana.goto(app.url);
		const card = (id: string) => ana.locator(`[data-playbook="${id}"]`);
		const across = /^Start across time zones/;
		await expect(card('gratitude-circle').getByRole('link', { name: across })).toHaveCount(0);
		await card('active-listening-sprint').getByRole('link', { name: across }).click();
		await ana.waitForURL(/\/p\/active-listening-sprint#across-time-zones$/);
		await expect(ana.getByLabel('Run across time zones')).toBeChecked();
		await expect(ana.getByLabel('Tell the story: hours to take the turn')).toHaveValue('24');
		await expect(async () => {
			await ana.getByRole('button', { name: 'Start a room' }).click();
			await ana.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/, { timeout: 5_000 });
		}).toPass({ timeout: 60_000 });
		await joinRoom(ana, 'Ana', 'Speaker');
		await expect(
			ana.getByRole('region', { name: 'Across time zones' }).getByText('Your turn: Tell the story')
		).toBeVisible();
	} finally {
		await ana.context().close();
	}
});

test('a playbook authored from one with turns keeps them: its page and its library card offer starting across time zones (protocol A1)', async ({
	app,
	browser
}) => {
	const author = await personIn(browser, 'Europe/Berlin');
	try {
		await author.goto(`${app.url}/p/new?from=active-listening-sprint`);
		await author.locator('#title').fill('Team Listening Sprint');
		await author.getByRole('button', { name: 'Save playbook' }).click();
		await author.waitForURL(/\/p\/team-listening-sprint-[a-z0-9]{8}$/);
		await expect(author.getByLabel('Run across time zones')).not.toBeChecked();

		await author.goto(`${app.url}/?q=team+listening`);
		const card = author.locator('[data-playbook^="team-listening-sprint-"]');
		await card.getByRole('link', { name: /^Start across time zones/ }).click();
		await author.waitForURL(/\/p\/team-listening-sprint-[a-z0-9]{8}#across-time-zones$/);
		await expect(author.getByLabel('Run across time zones')).toBeChecked();
	} finally {
		await author.context().close();
	}
});
