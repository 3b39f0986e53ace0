import type { Page } from '@playwright/test';
import { expect, joinRoom, openPerson, remainingOn, test } from './fixtures';

const SEVEN_MINUTES = 7 * 60_000;

/** Samples both timers at the same moment a few times and answers the median difference. */
async function timerDisagreement(a: Page, b: Page): Promise<number> {
	const differences: number[] = [];
	for (let i = 0; i < 9; i++) {
		const [left, right] = await Promise.all([remainingOn(a), remainingOn(b)]);
		differences.push(Math.abs(left - right));
	}
	differences.sort((x, y) => x - y);
	return differences[Math.floor(differences.length / 2)]!;
}

const notesOf = (page: Page) => page.locator('#notes');
const phaseOf = (page: Page) => page.locator('[data-step]');

test.describe.serial('two people, one link, one shared session', () => {
	let a: Page;
	let b: Page;
	let roomUrl: string;

	test.beforeAll(async ({ browser }) => {
		a = await openPerson(browser);
		// B's device clock is seven minutes fast: the room must not care.
		b = await openPerson(browser, { clockShiftMs: SEVEN_MINUTES });
	});
	test.afterAll(async () => {
		await a.context().close();
		await b.context().close();
	});

	test('A starts a room from the library and B joins by its link', async ({ app }) => {
		await a.goto(app.url);
		const sprint = a.locator('[data-playbook="active-listening-sprint"]');
		await expect(sprint.getByRole('heading', { name: 'Active Listening Sprint' })).toBeVisible();
		await sprint.getByRole('button', { name: 'Start a room' }).click();
		await a.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
		roomUrl = a.url();
		await joinRoom(a, 'Ada', 'Speaker');

		await b.goto(roomUrl);
		// The join form already knows the speaker role is taken and offers the listener.
		await expect(b.getByRole('radio', { name: /Listener/ })).toBeChecked();
		await expect(b.getByText('Ada', { exact: false }).first()).toBeVisible();
		await joinRoom(b, 'Bo', 'Listener');

		for (const page of [a, b]) {
			const roster = page.getByRole('region', { name: 'In the room' });
			await expect(roster.locator('[data-status="connected"]')).toHaveCount(2);
			await expect(roster).toContainText('Ada');
			await expect(roster).toContainText('Bo');
			await expect(phaseOf(page)).toContainText('Step 1 of 10');
		}
		await expect(a.getByRole('heading', { name: 'Your role: Speaker' })).toBeVisible();
		await expect(b.getByRole('heading', { name: 'Your role: Listener' })).toBeVisible();
	});

	test('both screens show the same remaining time although B’s clock is minutes off', async () => {
		const skew = await b.evaluate(() => Date.now());
		expect(Math.abs(skew - Date.now() - SEVEN_MINUTES)).toBeLessThan(5_000);

		await a.getByRole('button', { name: 'Start', exact: true }).click();
		for (const page of [a, b]) {
			await expect(page.locator('[data-status="running"]')).toBeVisible();
		}
		await expect.poll(() => remainingOn(b)).toBeLessThan(59_000);
		expect(await timerDisagreement(a, b)).toBeLessThan(100);

		await b.getByRole('button', { name: 'Pause', exact: true }).click();
		for (const page of [a, b])
			await expect(page.getByRole('status').getByText('Paused')).toBeVisible();
		const paused = await remainingOn(a);
		expect(await remainingOn(b)).toBe(paused);
		await a.getByRole('button', { name: '+1 min' }).click();
		await expect.poll(() => remainingOn(b)).toBe(paused + 60_000);
		await b.getByRole('button', { name: 'Resume' }).click();
		await expect(a.locator('[data-status="running"]')).toBeVisible();
		expect(await timerDisagreement(a, b)).toBeLessThan(100);
	});

	test('notes typed by one appear for the other, and simultaneous typing loses nothing', async () => {
		await notesOf(b).click();
		await notesOf(b).pressSequentially('She felt overlooked.');
		await expect(notesOf(a)).toHaveValue('She felt overlooked.');

		await notesOf(a).click();
		await a.keyboard.press('Control+End');
		await notesOf(b).click();
		await b.keyboard.press('Control+Home');
		await Promise.all([
			notesOf(a).pressSequentially(' Needs: credit.', { delay: 15 }),
			notesOf(b).pressSequentially('Story: ', { delay: 15 })
		]);
		const expected = 'Story: She felt overlooked. Needs: credit.';
		await expect(notesOf(a)).toHaveValue(expected);
		await expect(notesOf(b)).toHaveValue(expected);
	});

	test('A moves to the next phase and B follows; a second Next right after it is held', async () => {
		await a.getByRole('button', { name: 'Next phase' }).click();
		await expect(phaseOf(b)).toContainText('Step 2 of 10');
		await expect(b.getByRole('heading', { name: 'Tell the story' })).toBeVisible();
		// A new phase starts its own timebox, not yet running.
		await expect(b.locator('[data-status="idle"]')).toHaveText('3:00');

		// Both press Next together. B's press lands just after A's has moved the room: B's
		// buttons are resting, so the room moves one phase, not two. (The server's own rule for
		// commands sent at the same instant is tested in tests/integration, rule S5.)
		await a.getByRole('button', { name: 'Next phase' }).click();
		await b.getByRole('button', { name: 'Next phase' }).click({ force: true });
		for (const page of [a, b]) await expect(phaseOf(page)).toContainText('Step 3 of 10');
		await expect(b.getByRole('status').getByText('Ada moved to Reflect it back')).toBeVisible();
		// Resting buttons keep keyboard focus: the one B pressed is still the focused element.
		await expect(b.getByRole('button', { name: 'Next phase' })).toBeFocused();
		await b.getByRole('button', { name: 'Previous' }).click();
		for (const page of [a, b]) await expect(phaseOf(page)).toContainText('Step 2 of 10');
		expect(await phaseOf(a).getAttribute('data-step')).toBe('1');
		// Other changes during the rest (the timer starting) do not keep the buttons held.
		await a.getByRole('button', { name: 'Start', exact: true }).click();
		for (const page of [a, b]) {
			await expect(page.getByRole('button', { name: 'Next phase' })).toBeEnabled({
				timeout: 3_000
			});
		}
	});

	test('B reloads and finds everything: identity, phase, notes and timer', async () => {
		await b.reload();
		await expect(b.getByLabel('Your name')).toHaveCount(0);
		await expect(phaseOf(b)).toContainText('Step 2 of 10');
		await expect(notesOf(b)).toHaveValue('Story: She felt overlooked. Needs: credit.');
		await expect(b.locator('[data-status="running"]')).toBeVisible();
		const roster = a.getByRole('region', { name: 'In the room' });
		await expect(roster.locator('[data-status="connected"]')).toHaveCount(2);
		expect(await timerDisagreement(a, b)).toBeLessThan(100);
	});

	test('the server restarts and the room comes back, with edits made meanwhile', async ({
		app
	}) => {
		await app.stop('SIGKILL');
		for (const page of [a, b]) {
			await expect(page.locator('[data-connection="reconnecting"]')).toBeVisible();
		}
		await notesOf(a).click();
		await a.keyboard.press('Control+End');
		await notesOf(a).pressSequentially(' (typed offline)');
		await app.restart();
		for (const page of [a, b]) {
			await expect(page.locator('[data-connection="live"]')).toBeAttached({ timeout: 20_000 });
			await expect(notesOf(page)).toHaveValue(
				'Story: She felt overlooked. Needs: credit. (typed offline)'
			);
			await expect(phaseOf(page)).toContainText('Step 2 of 10');
		}
		const roster = b.getByRole('region', { name: 'In the room' });
		await expect(roster.locator('[data-status="connected"]')).toHaveCount(2);
		await b.getByRole('button', { name: 'Next phase' }).click();
		await expect(phaseOf(a)).toContainText('Step 3 of 10');
	});

	test('at zero both screens show that time is up, with a chime where sound is on', async () => {
		await b.getByRole('button', { name: 'Mute chime' }).click();
		await expect(b.getByRole('button', { name: 'Mute chime' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await a.getByRole('button', { name: 'Next phase' }).click();
		// The silence covers each screen and starts its own 30 seconds without anyone pressing Start.
		for (const page of [a, b]) {
			const silence = page.getByRole('dialog', { name: 'A short silence' });
			await expect(silence).toBeVisible();
			await expect(silence.getByRole('status')).toHaveText('The silence is over.', {
				timeout: 40_000
			});
			await expect(page.locator('[data-remaining-ms]')).toHaveText('0:00');
		}
		await expect
			.poll(() => a.evaluate(() => (window as unknown as { chimes: number }).chimes))
			.toBeGreaterThan(0);
		expect(await b.evaluate(() => (window as unknown as { chimes: number }).chimes)).toBe(0);
	});

	test('after a round, roles swap and each screen says who does what now', async () => {
		await a.getByRole('dialog').getByRole('button', { name: 'Next phase →' }).click();
		await expect(b.getByRole('dialog')).toHaveCount(0);
		await expect(phaseOf(b)).toContainText('How understood did you feel?');
		await expect(phaseOf(b)).toContainText('Round 1 of 2');
		const startRound = b.getByRole('button', { name: 'Start round 2 →' });
		await expect(startRound).toBeEnabled();
		await startRound.click();
		for (const page of [a, b]) {
			await expect(phaseOf(page)).toContainText('Step 6 of 10 · Round 2 of 2');
			await expect(page.getByRole('heading', { name: 'Tell the story' })).toBeVisible();
		}
		await expect(a.getByRole('heading', { name: 'Your role: Listener' })).toBeVisible();
		await expect(a.getByText('Roles have rotated. Your role this round: Listener.')).toBeVisible();
		await expect(b.getByRole('heading', { name: 'Your role: Speaker' })).toBeVisible();
		const roster = a.getByRole('region', { name: 'In the room' });
		await expect(roster.locator('[data-status]').filter({ hasText: 'Ada' })).toContainText(
			'Listener'
		);
		await expect(roster.locator('[data-status]').filter({ hasText: 'Bo' })).toContainText(
			'Speaker'
		);
	});

	test('B loses the network; edits on both sides and A’s phase change merge when it returns', async () => {
		await b.context().setOffline(true);
		await expect(b.locator('[data-connection="reconnecting"]')).toBeVisible();
		await expect(b.getByText('Reconnecting…')).toBeVisible();
		await notesOf(b).click();
		await b.keyboard.press('Control+End');
		await notesOf(b).pressSequentially(' [B, offline]');
		await notesOf(a).click();
		await a.keyboard.press('Control+Home');
		await notesOf(a).pressSequentially('[A, online] ');
		await a.getByRole('button', { name: 'Next phase' }).click();
		await expect(phaseOf(a)).toContainText('Step 7 of 10');
		// B keeps its own edit on screen while away.
		await expect(notesOf(b)).toHaveValue(/\[B, offline\]$/);

		await b.context().setOffline(false);
		await expect(b.locator('[data-connection="live"]')).toBeAttached({ timeout: 20_000 });
		for (const page of [a, b]) {
			await expect(notesOf(page)).toHaveValue(/^\[A, online\] .*\[B, offline\]$/s);
			await expect(phaseOf(page)).toContainText('Step 7 of 10');
		}
		expect(await notesOf(a).inputValue()).toBe(await notesOf(b).inputValue());
	});

	test('an unknown or mistyped room link shows a friendly page', async ({ app }) => {
		const response = await a.goto(`${app.url}/r/AAAAAAAAAAAAAAAAAAAAAA`);
		expect(response?.status()).toBe(404);
		await expect(a.getByRole('heading', { name: 'We could not find that room' })).toBeVisible();
		await a.goto(roomUrl.slice(0, -3));
		await expect(a.getByRole('heading', { name: 'We could not find that room' })).toBeVisible();
		await a.getByRole('link', { name: 'Go to the playbooks' }).click();
		await expect(
			a.getByRole('heading', { name: 'Practise soft skills together, live' })
		).toBeVisible();
	});
});
