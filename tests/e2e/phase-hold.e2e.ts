import type { Browser, Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';
import { activeListeningSprint } from '../../src/lib/playbooks/built-in/active-listening-sprint';

const stepOf = (page: Page) => page.locator('[data-step]');

/**
 * Someone whose screen runs on Playwright's clock (Date, `performance.now()`, timers), installed
 * before the page loads so that the hold's clock and timer are the fake ones. Time flows as usual
 * until `stopClock`.
 */
async function openPersonOnTestClock(browser: Browser): Promise<Page> {
	const page = await openPerson(browser);
	await page.clock.install();
	return page;
}

/**
 * Stops `page`'s clock: from here on its time moves only by `page.clock.runFor`, so the hold lasts
 * as long on a loaded machine as on an idle one. `pauseAt` wants a time still to come: a second
 * ahead of the page's clock leaves the call that long to arrive, and jumps no timer that matters
 * (answers wait 5 s, socket.io's heartbeat 45 s).
 */
async function stopClock(page: Page): Promise<void> {
	const now = await page.evaluate(() => Date.now());
	await page.clock.pauseAt(now + 1_000);
}

/**
 * Records every move between steps `page` sends to the server from now on, as it hands it to its
 * socket (socket.io's text frame `42<ack id>["control:command", command]`), and answers a way to
 * read them. A press that does nothing sends nothing.
 */
async function recordMovesSent(page: Page): Promise<() => Promise<unknown[]>> {
	await page.evaluate(() => {
		const moves: unknown[] = [];
		(window as unknown as { movesSent: unknown[] }).movesSent = moves;
		const send = WebSocket.prototype.send;
		WebSocket.prototype.send = function (data) {
			if (typeof data === 'string' && data.includes('"step.goto"')) {
				moves.push((JSON.parse(data.slice(data.indexOf('['))) as unknown[])[1]);
			}
			send.call(this, data);
		};
	});
	return () => page.evaluate(() => (window as unknown as { movesSent: unknown[] }).movesSent);
}

/** The one move Ben makes in both tests: from the step Ana moved to, on to the next. */
const BENS_MOVE = { type: 'step.goto', target: 2, from: 1 };

test('after someone else moves the room, a Next meant for the step before is held (issue 19.2)', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const ana = await openPersonOnTestClock(browser);
	const ben = await openPersonOnTestClock(browser);
	try {
		await ana.goto(url);
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(url);
		await joinRoom(ben, 'Ben');
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '0');
		for (const page of [ana, ben]) await stopClock(page);
		const movesSentByBen = await recordMovesSent(ben);
		// Every press on Ben's screen, timed on his clock as it happens.
		await ben.evaluate(() => {
			const presses: number[] = [];
			(window as unknown as { presses: number[] }).presses = presses;
			document.addEventListener('click', () => presses.push(performance.now()), true);
		});
		const pressesOnBen = () =>
			ben.evaluate(() => (window as unknown as { presses: number[] }).presses);

		await ana.getByRole('button', { name: 'Next phase' }).click();
		await expect(stepOf(ben)).toHaveAttribute('data-step', '1');
		// When Ben's screen showed Ana's move, on his clock: it has stood still since.
		const seenAt = await ben.evaluate(() => performance.now());

		const next = ben.getByRole('button', { name: 'Next phase' });
		await ben.clock.runFor(300);
		// Playwright would wait for the button to rest no more; a person does not.
		await next.click({ force: true });
		await expect(next).toHaveAttribute('aria-disabled', 'true');
		await ben.clock.runFor(700);
		await next.click({ force: true });
		// Both presses fell inside the hold, 0.3 s and 1 s after Ben saw the move.
		expect(await pressesOnBen()).toEqual([seenAt + 300, seenAt + 1_000]);
		// Neither sent a move.
		expect(await movesSentByBen()).toEqual([]);

		// The room is still on Ana's step, and Ben's screen says who moved it.
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '1');
		await expect(ben.getByRole('status').getByText('Ana moved to Tell the story')).toBeVisible();
		// At 2 s the press moves the room on, one step.
		await ben.clock.runFor(1_000);
		await expect(next).not.toHaveAttribute('aria-disabled', 'true');
		await next.click();
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '2');
		// The one move Ben's screen sent is this last one.
		expect(await movesSentByBen()).toEqual([BENS_MOVE]);

		// Now Ana's moves rest, saying why to assistive technology too.
		await expect(ana.getByRole('status').getByText('Ben moved to Reflect it back')).toBeVisible();
		const anasNext = ana.getByRole('button', { name: 'Next phase' });
		await expect(anasNext).toHaveAttribute('aria-disabled', 'true');
		await expect(anasNext).toHaveAccessibleDescription(
			/^Ben moved to Reflect it back\. Next and Previous wait a moment/
		);
		// Ana's clock has stood still since before her own move: 2 s on, her moves are offered again.
		await ana.clock.runFor(2_000);
		await expect(anasNext).not.toHaveAttribute('aria-disabled', 'true');
		expect(await stepOf(ana).getAttribute('data-step')).toBe('2');
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});

/** A playbook whose silence has no timebox: its "Next phase" shows as soon as the room is in it. */
async function silencePlaybook(appUrl: string): Promise<string> {
	const phase = (id: string, title: string) => ({
		id,
		title,
		durationSec: 60,
		summary: `${title}.`,
		instructions: {},
		prompts: []
	});
	const quiet = {
		id: 'quiet',
		title: 'A quiet moment',
		summary: 'Stay quiet.',
		instructions: {},
		prompts: [],
		tool: 'silence'
	};
	const response = await fetch(`${appUrl}/api/playbooks`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			...activeListeningSprint,
			title: 'Silence without a timebox',
			phases: [phase('talk', 'Talk'), quiet, phase('close', 'Close')]
		})
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { id: string }).id;
}

test('the silence screen’s Next is held after someone else moves the room too (issue 19.2)', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, await silencePlaybook(app.url));
	const ana = await openPerson(browser);
	const ben = await openPersonOnTestClock(browser);
	try {
		await ana.goto(url);
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(url);
		await joinRoom(ben, 'Ben');
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '0');
		await stopClock(ben);
		const movesSentByBen = await recordMovesSent(ben);

		await ana.getByRole('button', { name: 'Next phase' }).click();
		await expect(stepOf(ben)).toHaveAttribute('data-step', '1');
		// The silence has no timebox, so its own Next is offered at once, over Ben's screen. His
		// clock stands still: the press falls inside the hold.
		const silenceNext = ben.getByRole('dialog').getByRole('button', { name: 'Next phase' });
		await silenceNext.click({ force: true });
		expect(await movesSentByBen()).toEqual([]);
		// The room is still in the silence Ana moved it to.
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '1');

		// After the hold, the same button moves the room on, one step.
		await ben.clock.runFor(2_000);
		await silenceNext.click();
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '2');
		// The one move Ben's screen sent is this last one.
		expect(await movesSentByBen()).toEqual([BENS_MOVE]);
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});
