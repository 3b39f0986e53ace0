// Issue 17 end to end: an Active Listening Sprint run across time zones, with voice. Two people
// in two time zones take their turns an hour apart (the browser's clock through page.clock, the
// server's through ROOM_CLOCK_OFFSET_MS and a restart, which the deadlines survive).
import type { Page } from '@playwright/test';
import { FAKE_MICROPHONE_LAUNCH } from '../../playwright.config';
import { formatDeadline } from '../../src/lib/room/async-view';
import { AppServer } from '../support/app-server';
import { sqliteBytes } from '../support/stored-bytes';
import { expect, joinRoom, test } from './fixtures';
import {
	HOUR,
	knownDuration,
	personIn,
	personLater,
	playsSome,
	recordIn,
	startAcrossTimeZones,
	turnsOf
} from './turns';

test.use({ launchOptions: FAKE_MICROPHONE_LAUNCH });

const PARAPHRASE = {
	Feelings: 'Stung that the review went past you',
	Motives: 'You wanted the work to be seen',
	Needs: 'To be asked before decisions are made'
};

const storyOf = (page: Page) => page.getByRole('region', { name: 'The story by voice' });
const stepOf = (page: Page) => page.locator('[data-step]');

test('[A1] [A5] [A6] [A11] [A16] [B1] [B7] an async sprint across time zones: a recorded story, a paraphrase an hour later, a rating, a missed turn, the summary, and erase', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const app = await AppServer.start();
	try {
		// A, in Berlin, starts the sprint across time zones: an hour for each story.
		const a = await personIn(browser, 'Europe/Berlin');
		const roomUrl = await startAcrossTimeZones(a, app.url, 'active-listening-sprint', {
			'Tell the story: hours to take the turn': '1'
		});
		await joinRoom(a, 'Ada', 'Speaker');
		await expect(turnsOf(a)).toContainText('Your turn: Tell the story');
		await expect(a).toHaveTitle(/Your turn/);

		// A records the story and takes the turn; nobody has joined to listen yet.
		await recordIn(storyOf(a), 'Ada');
		await turnsOf(a).getByRole('button', { name: 'I’ve taken my turn' }).click();
		await expect(turnsOf(a)).toContainText(
			'No one who confirmed the agreements takes this turn yet.'
		);

		// An hour later by the server's clock (restarted, as a deploy would) and by B's.
		const b = await personLater(app, browser, 'America/Los_Angeles', HOUR, roomUrl);
		await joinRoom(b, 'Bo', 'Listener');
		await expect(turnsOf(b)).toContainText('Your turn: Reflect it back');
		// The deadline in B's own time zone.
		const deadline = turnsOf(b).locator('time');
		const deadlineAt = Date.parse((await deadline.getAttribute('datetime')) ?? '');
		await expect(deadline).toContainText(
			formatDeadline(deadlineAt, { locale: 'en', timeZone: 'America/Los_Angeles' })
		);

		// B plays the story and writes the paraphrase; A cannot read it before rating.
		const clip = storyOf(b).getByRole('figure', { name: /^Recording by Ada/ });
		const audio = clip.locator('audio');
		// It loads only when played (A24): the caption says how long it is before.
		await playsSome(audio);
		expect(await knownDuration(audio)).toBeGreaterThan(0);
		const clipUrl = new URL((await audio.getAttribute('src')) ?? '', roomUrl).href;
		for (const [label, text] of Object.entries(PARAPHRASE)) await b.getByLabel(label).fill(text);
		const sealed = a.getByText('The listener’s reflection stays sealed');
		await expect(sealed).toBeVisible();
		await expect(a.getByLabel('Feelings')).toHaveCount(0);

		// Both happen to be here: live and back, losing nothing typed or recorded. A's second take
		// is not sent yet; B's words are in the fields.
		await storyOf(a).getByRole('button', { name: 'Record again', exact: true }).click();
		await expect(storyOf(a).getByRole('timer')).toHaveText('2:59 left');
		await storyOf(a).getByRole('button', { name: 'Stop', exact: true }).click();
		const take = storyOf(a).getByRole('figure', { name: 'Your take, not sent yet' });
		await expect(take).toBeVisible();
		await turnsOf(b).getByRole('button', { name: 'We’re both here: go live' }).click();
		await expect(turnsOf(a)).toContainText('Playing live');
		await expect(a.getByLabel('Feelings')).toHaveValue(PARAPHRASE.Feelings);
		await expect(take).toBeVisible();
		await turnsOf(a).getByRole('button', { name: 'Back to turns across time zones' }).click();
		await expect(turnsOf(b)).toContainText('Your turn: Reflect it back');
		await expect(sealed).toBeVisible();
		await expect(take).toBeVisible();
		for (const [label, text] of Object.entries(PARAPHRASE)) {
			await expect(b.getByLabel(label)).toHaveValue(text);
		}
		await turnsOf(b).getByRole('button', { name: 'I’ve taken my turn' }).click();
		await expect(turnsOf(b)).toContainText('Waiting for Ada');

		// A rates how understood they felt, then reads the paraphrase.
		await expect(turnsOf(a)).toContainText('Your turn: How understood did you feel?');
		await a.getByRole('radio', { name: /^4/ }).check();
		await a.getByRole('button', { name: 'Submit rating' }).click();
		// On A's turn the rating waits for A alone (A16), so it shows at once with B still online.
		await expect(a.getByRole('list', { name: 'Ratings' })).toContainText('4');
		await expect(a.getByText('The ratings given on this turn:')).toBeVisible();
		await expect(a.getByLabel('Feelings')).toHaveValue(PARAPHRASE.Feelings);
		await b.context().close();
		await turnsOf(a).getByRole('button', { name: 'I’ve taken my turn' }).click();

		// Round two: Bo's story is due within the hour and never comes; the room moves on.
		await expect(stepOf(a)).toContainText('Step 6 of 10');
		await app.restart('SIGTERM', { ROOM_CLOCK_OFFSET_MS: String(3 * HOUR) });
		await expect(turnsOf(a)).toContainText(
			'Tell the story, round 2: Bo did not take their turn before the deadline.'
		);
		await expect(stepOf(a)).toContainText('Step 7 of 10');

		// The summary lists the clip (not its audio), the paraphrase and the rating.
		await a.goto(`${roomUrl}/summary`);
		await expect(a.getByText(/Ada’s story: voice clip, 0:0\d/)).toBeVisible();
		await expect(a.getByText(PARAPHRASE.Needs)).toBeVisible();
		await expect(a.getByRole('region', { name: 'Ratings' }).getByRole('listitem')).toContainText(
			/Ada\s*\(Speaker\): 4,/
		);
		await expect(a.locator('main audio')).toHaveCount(0);

		// Erase: the clip's URL answers 404 and its bytes are gone from the store.
		const bytes = Buffer.from(await (await fetch(clipUrl)).arrayBuffer());
		const trace = bytes.subarray(bytes.length - 48).toString('latin1');
		expect(sqliteBytes(app.dataDir).includes(trace), 'the clip is in the store').toBe(true);
		await a.goto(roomUrl);
		await a.getByRole('button', { name: 'End and erase the room', exact: true }).click();
		await a.getByRole('button', { name: 'Erase now', exact: true }).click();
		await expect(a.getByRole('heading', { name: 'This room has been erased' })).toBeVisible();
		expect((await fetch(clipUrl)).status).toBe(404);
		expect(sqliteBytes(app.dataDir).includes(trace), 'the clip’s bytes are gone').toBe(false);
		await a.context().close();
	} finally {
		await app.dispose();
	}
});
