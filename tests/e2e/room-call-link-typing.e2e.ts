import type { Page } from '@playwright/test';
import { expect, test } from './live-room';
import { PHONE } from './phone';

/** A call link half typed on a phone while someone else changes the room's (issue 19.8). */

test('on a phone, a link someone else shares or removes while I type one keeps my words, the keyboard focus and the section; cancelled, the card goes where the link puts it and focus follows', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom({ benViewport: PHONE });
	const tab = (name: string) => ben.getByRole('tab', { name: new RegExp(`^${name}`) });
	const call = (page: Page) => page.getByRole('region', { name: 'Video call' });
	const field = call(ben).getByLabel('Meeting link');
	const anaShares = async (link: string) => {
		await call(ana).getByRole('button', { name: 'Add a call link' }).click();
		await call(ana).getByLabel('Meeting link').fill(link);
		await call(ana).getByRole('button', { name: 'Share link' }).click();
	};

	// Ben types a link under More, not sent yet, when Ana shares hers: his card stays under More,
	// showing hers, with his words and the keyboard still in the field.
	await tab('More').click();
	await call(ben).getByRole('button', { name: 'Add a call link' }).click();
	await field.pressSequentially('https://meet.example.com/be');
	await anaShares('https://meet.example.com/ana');
	await expect(call(ben).getByRole('link', { name: 'Join the call' })).toHaveAttribute(
		'href',
		'https://meet.example.com/ana'
	);
	await expect(tab('More')).toHaveAttribute('aria-selected', 'true');
	await expect(field).toHaveValue('https://meet.example.com/be');
	await expect(field).toBeFocused();
	// Ana removes it again: the same.
	await call(ana).getByRole('button', { name: 'Remove link' }).click();
	await expect(call(ana).getByRole('button', { name: 'Add a call link' })).toBeVisible();
	await expect(call(ben).getByRole('link', { name: 'Join the call' })).toHaveCount(0);
	await expect(field).toHaveValue('https://meet.example.com/be');
	await expect(field).toBeFocused();
	await ben.keyboard.type('n');
	await expect(field).toHaveValue('https://meet.example.com/ben');

	// Ana shares once more, and Ben cancels: his card goes under the timer, the session opens and
	// the button that opens the form there has focus.
	await anaShares('https://meet.example.com/ana');
	await expect(call(ben).getByRole('link', { name: 'Join the call' })).toBeVisible();
	await call(ben).getByRole('button', { name: 'Cancel' }).click();
	await expect(tab('Session')).toHaveAttribute('aria-selected', 'true');
	await expect(call(ben).getByRole('button', { name: 'Change link' })).toBeFocused();

	// Ben changes the link in the session when Ana removes it: his words stay, in the session.
	await call(ben).getByRole('button', { name: 'Change link' }).click();
	await field.fill('https://meet.example.com/ben');
	await call(ana).getByRole('button', { name: 'Remove link' }).click();
	await expect(call(ben).getByRole('link', { name: 'Join the call' })).toHaveCount(0);
	await expect(tab('Session')).toHaveAttribute('aria-selected', 'true');
	await expect(field).toHaveValue('https://meet.example.com/ben');
	await expect(field).toBeFocused();
	// Shared, his link is the room's and he stays in the session, where the card now belongs.
	await ben.keyboard.press('Enter');
	await expect(call(ana).getByRole('link', { name: 'Join the call' })).toHaveAttribute(
		'href',
		'https://meet.example.com/ben'
	);
	await expect(tab('Session')).toHaveAttribute('aria-selected', 'true');
	await expect(call(ben).getByRole('button', { name: 'Change link' })).toBeFocused();
});

test('on a phone, a call link form I take to another section stays there as I type, though someone else then removes the link', async ({
	pairInRoom
}) => {
	const [ana, ben] = await pairInRoom({ benViewport: PHONE });
	const tab = (name: string) => ben.getByRole('tab', { name: new RegExp(`^${name}`) });
	const call = (page: Page) => page.getByRole('region', { name: 'Video call' });
	const field = call(ben).getByLabel('Meeting link');

	// Ben opens the form under More; Ana shares a link, which his form keeps under More.
	await tab('More').click();
	await call(ben).getByRole('button', { name: 'Add a call link' }).click();
	await field.fill('https://meet.example.com/be');
	await call(ana).getByRole('button', { name: 'Add a call link' }).click();
	await call(ana).getByLabel('Meeting link').fill('https://meet.example.com/ana');
	await call(ana).getByRole('button', { name: 'Share link' }).click();
	await expect(call(ben).getByRole('link', { name: 'Join the call' })).toBeVisible();

	// He shows the session, where Ana's link puts the card with his form, and types there.
	await tab('Session').click();
	await field.press('End');
	await ben.keyboard.type('n');
	await expect(field).toHaveValue('https://meet.example.com/ben');
	// Ana removes her link: his card stays in the session, the keyboard in the field.
	await call(ana).getByRole('button', { name: 'Remove link' }).click();
	await expect(call(ben).getByRole('link', { name: 'Join the call' })).toHaveCount(0);
	await expect(tab('Session')).toHaveAttribute('aria-selected', 'true');
	await expect(field).toBeFocused();
	await ben.keyboard.type('/x');
	await expect(field).toHaveValue('https://meet.example.com/ben/x');
});
