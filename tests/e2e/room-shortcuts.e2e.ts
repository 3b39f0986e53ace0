import { expectAccessible } from './axe';
import { expect, focusPage, noteOf, stepOf, test, timerOf } from './live-room';

/** The room's keyboard shortcuts (issue 19.8): what they press, their help, and when they rest. */

test('keyboard shortcuts press the room’s buttons on every screen, with the buttons’ rules, and are listed in a help dialog', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom({ hosted: true, benAgrees: false });

	// Before the agreements nothing moves, and Ben is told why.
	await focusPage(ben);
	await ben.keyboard.press('n');
	await expect(noteOf(ben)).toHaveText('Confirm the room’s agreements first.');
	await ben.getByRole('button', { name: 'I agree' }).click();
	await expect(stepOf(ben)).toBeVisible();

	// ? opens the help, a modal dialog that Escape closes, giving focus back.
	await focusPage(ana);
	await ana.keyboard.press('?');
	const help = ana.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(help).toBeVisible();
	// N named as its button reads; P, whose button the first step has not in use, as pressing it says.
	await expect(help.getByRole('row', { name: /N\s+Next phase →/ })).toBeVisible();
	await expect(
		help.getByRole('row', { name: /P\s+There is no previous phase: this is the first one\./ })
	).toBeVisible();
	await expectAccessible(ana);
	// Keys inside the dialog are the dialog's, on its button as on its checkbox.
	await help.getByRole('button', { name: 'Close' }).focus();
	await ana.keyboard.press('n');
	await ana.keyboard.press('Escape');
	await expect(help).toBeHidden();
	await expect(ana.locator('h1')).toBeFocused();

	// Space starts and pauses the timer, on both screens.
	await ana.keyboard.press('Space');
	await expect(timerOf(ben)).toHaveAttribute('data-status', 'running');
	// A Next sent from the dialog would have reached Ben before this start did.
	await expect(stepOf(ben)).toHaveAttribute('data-step', '0');
	await ana.keyboard.press('Space');
	await expect(timerOf(ben)).toHaveAttribute('data-status', 'paused');
	const before = Number(await timerOf(ben).getAttribute('data-remaining-ms'));
	// + (Shift and =) and = alike add a minute.
	await ana.keyboard.press('Shift+Equal');
	await expect
		.poll(async () => Number(await timerOf(ben).getAttribute('data-remaining-ms')))
		.toBe(before + 60_000);
	await ana.keyboard.press('=');
	await expect
		.poll(async () => Number(await timerOf(ben).getAttribute('data-remaining-ms')))
		.toBe(before + 120_000);

	// Space on a focused button is that button's: the timer stays paused.
	await ana.getByRole('button', { name: 'Mute chime' }).focus();
	await ana.keyboard.press('Space');
	await expect(ana.getByRole('button', { name: 'Mute chime' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(timerOf(ben)).toHaveAttribute('data-status', 'paused');

	// N moves the room on once; Ben's N a moment later is held, as his button would be.
	await focusPage(ana);
	await ana.keyboard.press('n');
	await expect(stepOf(ben)).toHaveAttribute('data-step', '1');
	await focusPage(ben);
	await ben.keyboard.press('N');
	await expect(noteOf(ben)).toContainText('Ana moved to Tell the story');
	await expect(stepOf(ana)).toHaveAttribute('data-step', '1');
	await expect(ben.getByRole('button', { name: 'Next phase' })).not.toHaveAttribute(
		'aria-disabled',
		'true'
	);
	await ben.keyboard.press('n');
	await expect(stepOf(ana)).toHaveAttribute('data-step', '2');
	await expect(ana.getByRole('button', { name: '← Previous' })).not.toHaveAttribute(
		'aria-disabled',
		'true'
	);
	await ana.keyboard.press('p');
	await expect(stepOf(ben)).toHaveAttribute('data-step', '1');

	// H raises and lowers one's own hand.
	await ben.keyboard.press('h');
	const hands = ana.getByRole('region', { name: 'Raised hands' });
	await expect(hands.getByRole('listitem')).toHaveText([/^Ben/]);
	await ben.keyboard.press('H');
	await expect(hands.getByText('No hands raised.')).toBeVisible();

	// Typing is never a shortcut, nor a key with Ctrl, Alt or Cmd.
	const notes = ben.getByRole('textbox', { name: 'Shared notes' });
	await notes.click();
	await ben.keyboard.type('no hands please ');
	await expect(notes).toHaveValue('no hands please ');
	await focusPage(ben);
	await ben.keyboard.press('Alt+n');
	await ben.keyboard.press('Control+h');
	await expect(hands.getByText('No hands raised.')).toBeVisible();
	await expect(stepOf(ana)).toHaveAttribute('data-step', '1');

	// When the host keeps the controls, Ben's keys do nothing, and he is told why.
	await ana.getByLabel('Only I control phases and timer').check();
	await expect(ben.getByText('The host moves the phases.')).toBeVisible();
	await ben.keyboard.press('Space');
	await expect(noteOf(ben)).toHaveText('The host has locked the phase and timer controls.');
	await ben.keyboard.press('n');
	await expect(timerOf(ana)).toHaveAttribute('data-status', 'idle');
	await expect(stepOf(ana)).toHaveAttribute('data-step', '1');
	// A hand is never locked.
	await ben.keyboard.press('h');
	await expect(hands.getByRole('listitem')).toHaveText([/^Ben/]);
	await expectAccessible(ben);
});

test('single-key shortcuts can be turned off in their help, and stay off after a reload (WCAG 2.1.4)', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom();

	// A screen reader's browse mode or speech input sends letters not meant for the room.
	await ben.getByRole('button', { name: 'Keyboard shortcuts' }).click();
	const help = ben.getByRole('dialog', { name: 'Keyboard shortcuts' });
	const use = help.getByRole('checkbox', { name: 'Use these single-key shortcuts' });
	await expect(use).toBeChecked();
	const raise = ben.getByRole('button', { name: 'Raise hand' });
	await expect(raise).toHaveAttribute('aria-keyshortcuts', 'H');
	await use.uncheck();
	await help.getByRole('button', { name: 'Close' }).click();
	await expect(help).toBeHidden();
	// No button announces a key that no longer does anything.
	await expect(raise).not.toHaveAttribute('aria-keyshortcuts');
	await focusPage(ben);
	await ben.keyboard.press('h');
	await ben.keyboard.press('?');
	await expect(help).toBeHidden();
	await ben.keyboard.press('n');
	// Ana's key still works on her screen, and is the first move the room sees.
	await focusPage(ana);
	await ana.keyboard.press('n');
	await expect(stepOf(ben)).toHaveAttribute('data-step', '1');
	await expect(stepOf(ana)).toHaveAttribute('data-step', '1');
	const hands = ana.getByRole('region', { name: 'Raised hands' });
	await expect(hands.getByText('No hands raised.')).toBeVisible();

	await ben.reload();
	await expect(stepOf(ben)).toHaveAttribute('data-step', '1');
	await focusPage(ben);
	await ben.keyboard.press('h');
	await ben.keyboard.press('?');
	await expect(help).toBeHidden();
	await ben.getByRole('button', { name: 'Keyboard shortcuts' }).click();
	await expect(use).not.toBeChecked();
	await use.check();
	await help.getByRole('button', { name: 'Close' }).click();
	await focusPage(ben);
	await ben.keyboard.press('h');
	await expect(hands.getByRole('listitem')).toHaveText([/^Ben/]);
	await expectAccessible(ben);
});

test('no key presses a button behind an open dialog, even when focus has left the dialog for the page', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom();
	await ana.getByRole('button', { name: 'Pause for everyone' }).click();
	const pause = ben.getByRole('dialog', { name: 'Paused for everyone' });
	await expect(pause).toBeVisible();
	// Focus on the page itself, as a script or a click on the dialog's text may leave it.
	await ben.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await expect(ben.locator('body')).toBeFocused();
	await ben.keyboard.press('h');
	// A hand raised from behind the dialog would reach the room before Ben's resume does.
	await pause.getByRole('button', { name: 'Resume' }).click();
	await expect(ana.getByRole('dialog', { name: 'Paused for everyone' })).toBeHidden();
	const hands = ana.getByRole('region', { name: 'Raised hands' });
	await expect(hands.getByText('No hands raised.')).toBeVisible();
});
