// Issue 17 end to end: Feedback That Lands run across time zones. The giver in Berlin records and
// writes the message; the receiver in Los Angeles, an hour later, plays it and answers what they
// heard; the giver rates the match, which the receiver sees at their next turn; a turn passes its
// deadline untaken; both leave a commitment and a shout-out in their own turns; the summary lists
// it all. Clocks move as in async-practice.e2e.ts: the server's through ROOM_CLOCK_OFFSET_MS and
// a restart, the browser's through page.clock.
import type { Locator, Page } from '@playwright/test';
import { FAKE_MICROPHONE_LAUNCH } from '../../playwright.config';
import { AppServer } from '../support/app-server';
import { expect, joinRoom, newRoom, test } from './fixtures';
import { HOUR, knownDuration, personIn, personLater, playsSome, recordIn, turnsOf } from './turns';

test.use({ launchOptions: FAKE_MICROPHONE_LAUNCH });

const MESSAGE = {
	Situation: 'in Monday’s review',
	Behaviour: 'you presented my analysis as yours',
	Impact: 'I felt unseen',
	Ask: 'could you name who did the work next time'
};
const HEARD = 'You felt unseen when I showed your analysis, and you want me to credit you.';

/** Takes this person's turn once both of their connections are up (after a restart, too). */
async function takeTurn(page: Page) {
	await expect(page.locator('[data-connection="live"]')).toBeAttached();
	await turnsOf(page).getByRole('button', { name: 'I’ve taken my turn' }).click();
}

/**
 * Plays a clip and answers its duration, once the audio element knows it: players load a clip
 * only when played (A24), so its length is known only then.
 */
async function playedDuration(clip: Locator): Promise<number> {
	const audio = clip.locator('audio');
	await playsSome(audio);
	return knownDuration(audio);
}

/** This person's commitment and a shout-out to their only peer, in the room's closing. */
async function leaveCommitmentAndShoutOut(page: Page, what: string, shoutOut: string, to: string) {
	await page.getByLabel('What will you do differently?').fill(what);
	await page.getByLabel('What did they do that helped?').fill(shoutOut);
	await page.getByRole('button', { name: 'Send shout-out' }).click();
	await expect(page.getByText(`Shout-out sent to ${to}.`)).toBeVisible();
}

test('[A6] [A20] [A21] [A22] [A23] feedback across time zones: a recorded message, what was heard, the match, commitments, shout-outs and a missed turn in the summary', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const app = await AppServer.start({ env: { LEAVE_GRACE_MS: '0' } });
	try {
		// A, in Berlin, opens a Feedback That Lands room across time zones (a day per turn).
		const roomUrl = new URL(await newRoom(app.url, 'feedback-that-lands', { async: {} }), app.url)
			.href;
		const a = await personIn(browser, 'Europe/Berlin');
		await a.goto(roomUrl);
		await joinRoom(a, 'Ada', 'Giver');
		await expect(turnsOf(a)).toContainText('Your turn: Choose the conversation');
		// A puts the deadlines in her calendar; the turns will end days before the last (A32).
		await Promise.all([
			a.waitForEvent('download'),
			turnsOf(a).getByRole('button', { name: 'Deadlines in my calendar (.ics)' }).click()
		]);
		await takeTurn(a);

		// A records the message and writes its parts.
		await expect(turnsOf(a)).toContainText('Your turn: Draft Situation, Behaviour, Impact and ask');
		await recordIn(a.getByRole('region', { name: 'The message by voice' }), 'Ada');
		for (const [label, text] of Object.entries(MESSAGE)) {
			await a.getByLabel(label, { exact: true }).fill(text);
		}
		await takeTurn(a);
		await expect(turnsOf(a)).toContainText(
			'No one who confirmed the agreements takes this turn yet.'
		);

		// An hour later by the server's clock and by B's, in Los Angeles.
		const b = await personLater(app, browser, 'America/Los_Angeles', HOUR, roomUrl);
		await joinRoom(b, 'Bo', 'Receiver');
		await expect(turnsOf(b)).toContainText('Your turn: Say it out loud');

		// B plays the message, reads it, and answers what they heard, written and by voice.
		const message = b
			.getByRole('region', { name: 'The message by voice' })
			.getByRole('figure', { name: /^Recording by Ada/ });
		expect(await playedDuration(message)).toBeGreaterThan(0);
		await expect(b.getByText('You presented my analysis as yours.')).toBeVisible();
		const heard = b.getByRole('region', { name: 'What you heard' });
		await heard.getByLabel('What I heard').fill(HEARD);
		await recordIn(b.getByRole('region', { name: 'What was heard, by voice' }), 'Bo');
		await takeTurn(b);

		// A reads and hears the answer and rates how well it matched.
		await expect(turnsOf(a)).toContainText('Your turn: Tune the words and tone');
		const match = a.getByRole('region', { name: 'How well did the answer match?' });
		await expect(match.getByText(HEARD)).toBeVisible();
		expect(
			await playedDuration(match.getByRole('figure', { name: /^Recording by Bo/ }))
		).toBeGreaterThan(0);
		await match.getByRole('radio', { name: '4 · mostly' }).check();
		await match.getByLabel('A word on it (optional)').fill('close, but the ask got lost');
		await match.getByRole('button', { name: 'Save the rating' }).click();
		await expect(match.getByRole('status')).toHaveText('Rating saved.');
		await takeTurn(a);

		// B gives the feedback in round two, and first sees how their answer matched.
		await expect(turnsOf(b)).toContainText('Your turn: Draft Situation, Behaviour, Impact and ask');
		await expect(b.getByRole('region', { name: 'How the feedback landed' })).toContainText(
			'Matched 4 of 5 (mostly): “close, but the ask got lost”'
		);
		await takeTurn(b);

		// A's turn to hear it is a day long and passes untaken: the room moves on without them.
		await expect(turnsOf(a)).toContainText('Your turn: Say it out loud');
		await app.restart('SIGTERM', { ROOM_CLOCK_OFFSET_MS: String(26 * HOUR) });
		await b.clock.setSystemTime(Date.now() + 26 * HOUR);
		await expect(turnsOf(b)).toContainText(
			'Say it out loud, round 2: Ada did not take their turn before the deadline.'
		);
		await expect(turnsOf(b)).toContainText('Your turn: Tune the words and tone');
		// Ada left nothing heard: B, the giver now, has nothing to rate (A21).
		const nothing = b.getByRole('region', { name: 'How well did the answer match?' });
		await expect(nothing).toContainText('The receiver did not answer');
		await expect(nothing.getByRole('button', { name: 'Save the rating' })).toHaveCount(0);
		await takeTurn(b);

		// The last phase: B leaves a commitment and a shout-out in their turn, then goes.
		await expect(turnsOf(b)).toContainText('Your turn: Book the real conversation');
		await leaveCommitmentAndShoutOut(
			b,
			'Ask who did the work before I present',
			'You named the behaviour, not me',
			'Ada'
		);
		await takeTurn(b);
		await expect(turnsOf(b)).toContainText('You’ve taken your turn.');
		await b.context().close();

		// A comes later and leaves theirs; the turns are over.
		await expect(turnsOf(a)).toContainText('Your turn: Book the real conversation');
		await leaveCommitmentAndShoutOut(
			a,
			'Name the author on every slide',
			'You said back the ask in your own words',
			'Bo'
		);
		await takeTurn(a);
		await expect(turnsOf(a)).toContainText('All turns are done.');
		await expect(turnsOf(a)).toContainText(
			'The calendar file you downloaded on this device put deadlines in your calendar that have not come yet, but no turns are left.'
		);

		// The summary lists the message, the answer, the match, both commitments and shout-outs,
		// and the missed turn.
		await a.goto(`${roomUrl}/summary`);
		const main = a.locator('main');
		await expect(main.getByText('You presented my analysis as yours.')).toBeVisible();
		await expect(main.getByText(/Ada’s feedback message: voice clip, 0:0\d/)).toBeVisible();
		await expect(main.getByText(/Bo’s answer: voice clip, 0:0\d/)).toBeVisible();
		const heardSection = a.getByRole('region', { name: 'What was heard, and how it matched' });
		await expect(heardSection).toContainText(HEARD);
		await expect(heardSection).toContainText(
			'Matched 4 of 5 (mostly): “close, but the ask got lost”'
		);
		await expect(heardSection).toContainText('Not answered (turn missed): no match was rated.');
		const commitments = a.getByRole('region', { name: 'Commitments' });
		await expect(commitments).toContainText('Name the author on every slide');
		await expect(commitments).toContainText('Ask who did the work before I present');
		const shoutOuts = a.getByRole('region', { name: 'Shout-outs' });
		await expect(shoutOuts).toContainText('You named the behaviour, not me');
		await expect(shoutOuts).toContainText('You said back the ask in your own words');
		await expect(a.getByRole('region', { name: 'Turns not taken' })).toHaveText(
			/Say it out loud, round 2: Ada/
		);
		await a.context().close();
	} finally {
		await app.dispose();
	}
});
