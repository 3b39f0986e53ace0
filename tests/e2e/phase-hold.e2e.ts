import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';
import { activeListeningSprint } from '../../src/lib/playbooks/built-in/active-listening-sprint';

const stepOf = (page: Page) => page.locator('[data-step]');

/** Waits until `page`'s monotonic clock reaches `at` (ms, `performance.now()`). */
async function waitUntil(page: Page, at: number): Promise<void> {
	await page.waitForFunction((until) => performance.now() >= until, at);
}

test('after someone else moves the room, a Next meant for the step before is held (issue 19.2)', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const ana = await openPerson(browser);
	const ben = await openPerson(browser);
	try {
		await ana.goto(url);
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(url);
		await joinRoom(ben, 'Ben');
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '0');
		// Every press on Ben's screen, timed on his clock as it happens.
		await ben.evaluate(() => {
			const presses: number[] = [];
			(window as unknown as { presses: number[] }).presses = presses;
			document.addEventListener('click', () => presses.push(performance.now()), true);
		});
		const pressesOnBen = () =>
			ben.evaluate(() => (window as unknown as { presses: number[] }).presses);

		await ana.getByRole('button', { name: 'Next phase' }).click();
		// When Ben's screen shows Ana's move, on his clock.
		const seenAt = await ben
			.waitForFunction(
				() =>
					document.querySelector('[data-step]')?.getAttribute('data-step') === '1' &&
					performance.now()
			)
			.then((handle) => handle.jsonValue() as Promise<number>);

		const next = ben.getByRole('button', { name: 'Next phase' });
		for (const after of [300, 1_000]) {
			await waitUntil(ben, seenAt + after);
			// Playwright would wait for the button to rest no more; a person does not.
			await next.click({ force: true });
			if (after === 300) await expect(next).toHaveAttribute('aria-disabled', 'true');
		}
		const [early, late] = await pressesOnBen();
		expect(early! - seenAt).toBeGreaterThanOrEqual(300);
		// Both presses really fell inside the hold.
		expect(late! - seenAt).toBeGreaterThanOrEqual(1_000);
		expect(late! - seenAt).toBeLessThan(1_500);

		await waitUntil(ben, seenAt + 2_000);
		// Well after the last press, the room is still on Ana's step: neither press moved it.
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '1');
		await expect(ben.getByRole('status').getByText('Ana moved to Tell the story')).toBeVisible();
		// At 2 s the press moves the room on, one step.
		await expect(next).not.toHaveAttribute('aria-disabled', 'true');
		await next.click();
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '2');
		// Now Ana's moves rest, saying why to assistive technology too.
		await expect(ana.getByRole('status').getByText('Ben moved to Reflect it back')).toBeVisible();
		const anasNext = ana.getByRole('button', { name: 'Next phase' });
		await expect(anasNext).toHaveAttribute('aria-disabled', 'true');
		await expect(anasNext).toHaveAccessibleDescription(
			/^Ben moved to Reflect it back\. Next and Previous wait a moment/
		);
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
	const ben = await openPerson(browser);
	try {
		await ana.goto(url);
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(url);
		await joinRoom(ben, 'Ben');
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '0');

		await ana.getByRole('button', { name: 'Next phase' }).click();
		const seenAt = await ben
			.waitForFunction(
				() =>
					document.querySelector('[data-step]')?.getAttribute('data-step') === '1' &&
					performance.now()
			)
			.then((handle) => handle.jsonValue() as Promise<number>);
		// The silence has no timebox, so its own Next is offered at once, over Ben's screen.
		const silenceNext = ben.getByRole('dialog').getByRole('button', { name: 'Next phase' });
		await silenceNext.click({ force: true });
		const pressedAt = await ben.evaluate(() => performance.now());
		expect(pressedAt - seenAt).toBeLessThan(1_500);

		await waitUntil(ben, seenAt + 2_000);
		// The press fell inside the hold: the room is still in the silence Ana moved it to.
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '1');
		// After the hold, the same button moves the room on, one step.
		await silenceNext.click();
		for (const page of [ana, ben]) await expect(stepOf(page)).toHaveAttribute('data-step', '2');
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});
