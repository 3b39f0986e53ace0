import { joinRoom } from './fixtures';
import { expect, moveOn, stepOf, test } from './live-room';

/** The room's tab title (issue 19.8): the timer in it while it runs, plain otherwise. */

const PLAIN = 'Active Listening Sprint · Practice Room';

test('the tab title counts down, says Time’s up, and is plain when no timer runs, in a tab in the background', async ({
	app,
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom();
	await expect(ben).toHaveTitle(PLAIN);
	// Ben reads something else in another tab: the room's tab is in the background.
	const elsewhere = await ben.context().newPage();
	await elsewhere.goto(`${app.url}/`);
	await elsewhere.bringToFront();

	await ana.getByRole('button', { name: 'Start', exact: true }).click();
	const counting = /^[01]:\d\d · Settle in · Active Listening Sprint · Practice Room$/;
	await expect(ben).toHaveTitle(counting);
	const first = await ben.title();
	await expect.poll(() => ben.title()).not.toBe(first);
	expect(await ben.title()).toMatch(counting);

	await ana.getByRole('button', { name: 'Pause', exact: true }).click();
	await expect(ben).toHaveTitle(
		/^[01]:\d\d paused · Settle in · Active Listening Sprint · Practice Room$/
	);
	await ana.getByRole('button', { name: 'Pause for everyone' }).click();
	await expect(ben).toHaveTitle(
		'Paused for everyone · Settle in · Active Listening Sprint · Practice Room'
	);
	await ana.getByRole('dialog').getByRole('button', { name: 'Resume' }).click();
	await expect(ben).toHaveTitle(/ paused · Settle in · /);

	// The silence starts its 30 seconds by itself; at zero every tab says so.
	for (let step = 1; step <= 3; step++) {
		await moveOn(ana);
		await expect(stepOf(ana)).toHaveAttribute('data-step', String(step));
	}
	await expect(ben).toHaveTitle(
		/^0:[0-3]\d · A short silence · Active Listening Sprint · Practice Room$/
	);
	await expect(ben).toHaveTitle(
		'Time’s up · A short silence · Active Listening Sprint · Practice Room',
		{ timeout: 45_000 }
	);
	await expect(ana).toHaveTitle(
		'Time’s up · A short silence · Active Listening Sprint · Practice Room'
	);
	// On to the rating: its timer has not started, so the title is plain again.
	await ana.getByRole('dialog').getByRole('button', { name: 'Next phase →' }).click();
	await expect(stepOf(ana)).toHaveAttribute('data-step', '4');
	await expect(ben).toHaveTitle(PLAIN);
});

test('the tab title of someone removed, and of an erased room, is plain at once, though the timer still runs', async ({
	pairInRoom,
	person
}) => {
	const [ana, ben] = await pairInRoom({ hosted: true });
	const cy = await person();
	await cy.goto(ana.url());
	await joinRoom(cy, 'Cy', 'Listener');
	await ana.getByRole('button', { name: 'Start', exact: true }).click();
	const counting = /^[01]:\d\d · Settle in · /;
	for (const page of [ana, ben, cy]) await expect(page).toHaveTitle(counting);

	await ana.getByRole('button', { name: 'Remove Ben' }).click();
	await ana.getByRole('button', { name: 'Confirm' }).click();
	await expect(ben.getByRole('heading', { name: 'You are no longer in this room' })).toBeVisible();
	await expect(ben).toHaveTitle(PLAIN);
	await expect(cy).toHaveTitle(counting);

	await ana.getByRole('button', { name: 'End and erase the room', exact: true }).click();
	await ana.getByRole('button', { name: 'Erase now' }).click();
	for (const page of [ana, cy]) await expect(page).toHaveTitle(PLAIN);
});
