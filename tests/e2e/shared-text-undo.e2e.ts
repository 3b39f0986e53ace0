import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

const notesOf = (page: Page) => page.locator('#notes');

test('undo in shared notes takes back one’s own last words on both screens, never the other person’s (issue 19.6)', async ({
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

		await notesOf(ana).click();
		await notesOf(ana).pressSequentially('Ana wrote this.');
		await expect(notesOf(ben)).toHaveValue('Ana wrote this.');
		// Ben types elsewhere in the same field: Ana's field is rewritten under her.
		await notesOf(ben).click();
		await ben.keyboard.press('Control+Home');
		await notesOf(ben).pressSequentially('Ben: ');
		await expect(notesOf(ana)).toHaveValue('Ben: Ana wrote this.');
		await notesOf(ana).click();
		await ana.keyboard.press('Control+End');
		await notesOf(ana).pressSequentially(' Last words.');
		const everything = 'Ben: Ana wrote this. Last words.';
		for (const page of [ana, ben]) await expect(notesOf(page)).toHaveValue(everything);

		await ana.keyboard.press('Control+z');
		for (const page of [ana, ben]) {
			await expect(notesOf(page)).toHaveValue('Ben: Ana wrote this.');
		}
		await ana.keyboard.press('Control+Shift+z');
		for (const page of [ana, ben]) await expect(notesOf(page)).toHaveValue(everything);
		// Undo again, and redo with Ctrl+Y; then undo everything Ana typed: Ben's words stay.
		await ana.keyboard.press('Control+z');
		await expect(notesOf(ben)).toHaveValue('Ben: Ana wrote this.');
		await ana.keyboard.press('Control+y');
		await expect(notesOf(ben)).toHaveValue(everything);
		await ana.keyboard.press('Control+z');
		await ana.keyboard.press('Control+z');
		for (const page of [ana, ben]) await expect(notesOf(page)).toHaveValue('Ben: ');
		// Ben's own undo takes back his words only.
		await notesOf(ben).click();
		await ben.keyboard.press('Control+z');
		for (const page of [ana, ben]) await expect(notesOf(page)).toHaveValue('');
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});

test('a word composed with an input method is one undo step, and a remote edit during the composition stays (issue 19.6)', async ({
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

		await notesOf(ana).click();
		await notesOf(ana).pressSequentially('Hello ');
		await expect(notesOf(ben)).toHaveValue('Hello ');
		// Ana composes a word with an input method (as Chromium's IME does) while Ben types.
		const ime = await ana.context().newCDPSession(ana);
		await ana.keyboard.press('ArrowLeft');
		await ana.keyboard.press('End');
		await ime.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
		await notesOf(ben).click();
		await ben.keyboard.press('Control+Home');
		await notesOf(ben).pressSequentially('Ben: ');
		// Nothing of a word still being composed is sent.
		await expect(notesOf(ben)).toHaveValue('Ben: Hello ');
		await expect(notesOf(ana)).toHaveValue('Hello にほ');
		await ime.send('Input.insertText', { text: '日本' });
		const everything = 'Ben: Hello 日本';
		for (const page of [ana, ben]) await expect(notesOf(page)).toHaveValue(everything);

		// The composed word goes in one undo; then Ana's typing before it; Ben's words stay.
		await notesOf(ana).focus();
		await ana.keyboard.press('Control+z');
		for (const page of [ana, ben]) await expect(notesOf(page)).toHaveValue('Ben: Hello ');
		await ana.keyboard.press('Control+z');
		for (const page of [ana, ben]) await expect(notesOf(page)).toHaveValue('Ben: ');
		await ana.keyboard.press('Control+Shift+z');
		await ana.keyboard.press('Control+Shift+z');
		for (const page of [ana, ben]) await expect(notesOf(page)).toHaveValue(everything);
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});
