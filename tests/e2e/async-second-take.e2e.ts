// Issue 17, the Active Listening Sprint as turns with both people online at times: the speaker's
// rating shows at once though the listener is online (A16), the speaker marks the phrase that
// landed (A17) and asks for a second take (A18, A19), and the summary lists the phrases.
import type { Page } from '@playwright/test';
import { AppServer } from '../support/app-server';
import { expect, joinRoom, test } from './fixtures';
import { personIn, startAcrossTimeZones, turnsOf } from './turns';

const landedOf = (page: Page) => page.getByRole('group', { name: 'The phrase that landed' });
const takeTurn = (page: Page) =>
	turnsOf(page).getByRole('button', { name: 'I’ve taken my turn' }).click();

test('[A16] [A17] [A18] [A19] the speaker rates with the listener online, marks the phrase that landed, asks for a second take, and the summary lists both phrases', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const app = await AppServer.start();
	try {
		const a = await personIn(browser, 'Europe/Berlin');
		const roomUrl = await startAcrossTimeZones(a, app.url, 'active-listening-sprint');
		await joinRoom(a, 'Ada', 'Speaker');
		await expect(turnsOf(a)).toContainText('Your turn: Tell the story');
		await takeTurn(a);

		// B reflects it back while A is still online.
		const b = await personIn(browser, 'America/Los_Angeles');
		await b.goto(roomUrl);
		await joinRoom(b, 'Bo', 'Listener');
		await expect(turnsOf(b)).toContainText('Your turn: Reflect it back');
		await b.getByLabel('Feelings').fill('Stung that the review went past you. Tired of chasing.');
		await b.getByLabel('Needs').fill('To be asked before decisions are made.');
		await takeTurn(b);

		// A rates with B online: the rating waits for A alone and shows at once (A16).
		await expect(turnsOf(a)).toContainText('Your turn: How understood did you feel?');
		await expect(b.getByText('Waiting for Ada.', { exact: true })).toBeVisible();
		// B does not guess a rating that shows at once, nor rewrite the take being rated.
		await expect(b.getByRole('button', { name: 'Submit rating' })).toHaveCount(0);
		await expect(b.getByLabel('Feelings')).not.toBeEditable();
		await a.getByRole('radio', { name: /^3/ }).check();
		await a.getByRole('button', { name: 'Submit rating' }).click();
		await expect(a.getByRole('list', { name: 'Ratings' })).toContainText('3');

		// A marks the phrase that landed with the keyboard; B sees which one.
		const choices = landedOf(a).getByRole('radio');
		await expect(choices).toHaveCount(3);
		await choices.first().focus();
		await a.keyboard.press('ArrowDown');
		await expect(landedOf(a).getByRole('radio', { name: /Tired of chasing\./ })).toBeChecked();
		await expect(b.getByText('The phrase that landed: “Tired of chasing.”')).toBeVisible();

		// A asks for a second take: B's turn to reflect it back again.
		await a.getByRole('button', { name: 'Ask for a second take' }).click();
		await expect(turnsOf(a)).toContainText('Waiting for Bo');
		await expect(turnsOf(b)).toContainText('Your turn: Reflect it back');
		await expect(b.getByText('The speaker asked for a second take')).toBeVisible();
		await expect(a.getByLabel('Needs')).not.toBeEditable();
		await b.getByLabel('Needs').fill('To be asked first, and thanked after.');
		await takeTurn(b);

		// A reads the new take, marks its phrase, and cannot ask for a third.
		await expect(turnsOf(a)).toContainText('Your turn: How understood did you feel?');
		await expect(
			a.getByText('The phrase that landed in the first take: “Tired of chasing.”')
		).toBeVisible();
		await landedOf(a)
			.getByRole('radio', { name: /To be asked first, and thanked after\./ })
			.check();
		await expect(
			b.getByText(
				'The phrase that landed in the second take: “To be asked first, and thanked after.”'
			)
		).toBeVisible();
		await expect(a.getByRole('button', { name: 'Ask for a second take' })).toHaveCount(0);
		await takeTurn(a);
		await expect(turnsOf(b)).toContainText('Your turn: Tell the story');

		// The summary lists both phrases that landed.
		await a.goto(`${roomUrl}/summary`);
		const landed = a.getByRole('region', { name: 'Phrases that landed' });
		await expect(landed.getByRole('listitem')).toHaveText([
			/“Tired of chasing\.”\s*\(Feelings\)/,
			/“To be asked first, and thanked after\.”\s*\(Needs, second take\)/
		]);
		await a.context().close();
		await b.context().close();
	} finally {
		await app.dispose();
	}
});
