import { callOf, expect, openCallForm, sectionTab, shareCallLink, test } from './live-room';
import { PHONE } from './phone';

/** A call link half typed on a phone while someone else changes the room's (issue 19.8). */

test('on a phone, a link someone else shares or removes while I type one keeps my words, the keyboard focus and the section; cancelled, the card goes where the link puts it and focus follows', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom({ benViewport: PHONE });
	const field = callOf(ben).getByLabel('Meeting link');

	// Ben types a link under More, not sent yet, when Ana shares hers: his card stays under More,
	// showing hers, with his words and the keyboard still in the field.
	await sectionTab(ben, 'More').click();
	await openCallForm(ben);
	await field.pressSequentially('https://meet.example.com/be');
	await shareCallLink(ana, 'https://meet.example.com/ana');
	await expect(callOf(ben).getByRole('link', { name: 'Join the call' })).toHaveAttribute(
		'href',
		'https://meet.example.com/ana'
	);
	await expect(sectionTab(ben, 'More')).toHaveAttribute('aria-selected', 'true');
	await expect(field).toHaveValue('https://meet.example.com/be');
	await expect(field).toBeFocused();
	// Ana removes it again: the same.
	await callOf(ana).getByRole('button', { name: 'Remove link' }).click();
	await expect(callOf(ana).getByRole('button', { name: 'Add a call link' })).toBeVisible();
	await expect(callOf(ben).getByRole('link', { name: 'Join the call' })).toHaveCount(0);
	await expect(field).toHaveValue('https://meet.example.com/be');
	await expect(field).toBeFocused();
	await ben.keyboard.type('n');
	await expect(field).toHaveValue('https://meet.example.com/ben');

	// Ana shares once more, and Ben cancels: his card goes under the timer, the session opens and
	// the button that opens the form there has focus.
	await shareCallLink(ana, 'https://meet.example.com/ana');
	await expect(callOf(ben).getByRole('link', { name: 'Join the call' })).toBeVisible();
	await callOf(ben).getByRole('button', { name: 'Cancel' }).click();
	await expect(sectionTab(ben, 'Session')).toHaveAttribute('aria-selected', 'true');
	await expect(callOf(ben).getByRole('button', { name: 'Change link' })).toBeFocused();

	// Ben changes the link in the session when Ana removes it: his words stay, in the session.
	await callOf(ben).getByRole('button', { name: 'Change link' }).click();
	await field.fill('https://meet.example.com/ben');
	await callOf(ana).getByRole('button', { name: 'Remove link' }).click();
	await expect(callOf(ben).getByRole('link', { name: 'Join the call' })).toHaveCount(0);
	await expect(sectionTab(ben, 'Session')).toHaveAttribute('aria-selected', 'true');
	await expect(field).toHaveValue('https://meet.example.com/ben');
	await expect(field).toBeFocused();
	// Shared, his link is the room's and he stays in the session, where the card now belongs.
	await ben.keyboard.press('Enter');
	await expect(callOf(ana).getByRole('link', { name: 'Join the call' })).toHaveAttribute(
		'href',
		'https://meet.example.com/ben'
	);
	await expect(sectionTab(ben, 'Session')).toHaveAttribute('aria-selected', 'true');
	await expect(callOf(ben).getByRole('button', { name: 'Change link' })).toBeFocused();
});

test('on a phone, a call link form I take to another section stays there as I type, though someone else then removes the link', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom({ benViewport: PHONE });
	const field = callOf(ben).getByLabel('Meeting link');

	// Ben opens the form under More; Ana shares a link, which his form keeps under More.
	await sectionTab(ben, 'More').click();
	await openCallForm(ben, 'https://meet.example.com/be');
	await shareCallLink(ana, 'https://meet.example.com/ana');
	await expect(callOf(ben).getByRole('link', { name: 'Join the call' })).toBeVisible();

	// He shows the session, where Ana's link puts the card with his form, and types there.
	await sectionTab(ben, 'Session').click();
	await field.press('End');
	await ben.keyboard.type('n');
	await expect(field).toHaveValue('https://meet.example.com/ben');
	// Ana removes her link: his card stays in the session, the keyboard in the field.
	await callOf(ana).getByRole('button', { name: 'Remove link' }).click();
	await expect(callOf(ben).getByRole('link', { name: 'Join the call' })).toHaveCount(0);
	await expect(sectionTab(ben, 'Session')).toHaveAttribute('aria-selected', 'true');
	await expect(field).toBeFocused();
	await ben.keyboard.type('/x');
	await expect(field).toHaveValue('https://meet.example.com/ben/x');
});
