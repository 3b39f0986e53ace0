import { expect, focusPage, noteOf, test, timerOf } from './live-room';
import { PHONE } from './phone';

/** Where keyboard focus goes when a pause for everyone ends (issue 19.8). */

test('after a pause ends, focus is on the room’s phase on every screen, so Space works the timer instead of pausing again', async ({
	pairInRoom
}) => {
	// Ben is on a phone, looking at People: the phase is hidden there.
	const [ana, ben] = await pairInRoom({ benViewport: PHONE });
	await ben.getByRole('tab', { name: /People/ }).click();
	// Both reach Pause for everyone by keyboard, each from the page's title.
	for (const page of [ana, ben]) {
		await focusPage(page);
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Pause for everyone' })).toBeFocused();
	}
	await ana.keyboard.press('Enter');
	const pause = ana.getByRole('dialog', { name: 'Paused for everyone' });
	await expect(ben.getByRole('dialog', { name: 'Paused for everyone' })).toBeVisible();
	await ana.keyboard.press('Tab');
	await expect(pause.getByRole('button', { name: 'Resume' })).toBeFocused();
	await ana.keyboard.press('Enter');
	await expect(pause).toBeHidden();

	await expect(ana.getByRole('heading', { name: 'Settle in' })).toBeFocused();
	await ana.keyboard.press('Space');
	await expect(timerOf(ben)).toHaveAttribute('data-status', 'running');
	// Ben's screen closed the card too; his phase is hidden, so the page's title has focus,
	// and his Space is the timer's shortcut (not shown under People), not the Pause button.
	await expect(ben.locator('h1')).toBeFocused();
	await ben.keyboard.press('Space');
	await expect(noteOf(ben)).toHaveText('The timer is not shown right now.');
	await expect(ana.getByRole('dialog', { name: 'Paused for everyone' })).toBeHidden();
});

test('after a pause someone else ends, whoever was typing in the notes types on there', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom();
	const notes = ben.getByRole('textbox', { name: 'Shared notes' });
	await notes.click();
	await ben.keyboard.type('hello');
	await ana.getByRole('button', { name: 'Pause for everyone' }).click();
	const pause = ben.getByRole('dialog', { name: 'Paused for everyone' });
	await expect(pause).toBeVisible();
	await ana.getByRole('button', { name: 'Resume' }).click();
	await expect(pause).toBeHidden();
	await expect(notes).toBeFocused();
	await ben.keyboard.type(' world');
	await expect(notes).toHaveValue('hello world');
});
