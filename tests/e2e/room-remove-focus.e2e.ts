import { joinRoom } from './fixtures';
import { expect, test } from './live-room';

/** The host's Remove (protocol S20): where keyboard focus goes once the person's row has gone. */

test('after the host removes someone, focus is on the next person’s Remove, else the one before, and on the host card once nobody is left to remove', async ({
	pairInRoom,
	person
}) => {
	const [ana, ben] = await pairInRoom({ hosted: true });
	for (const name of ['Cy', 'Dee']) {
		const page = await person();
		await page.goto(ben.url());
		await joinRoom(page, name);
	}
	const list = ana.getByRole('list', { name: 'Remove someone from the room' });
	const removeButton = (name: string) => list.getByRole('button', { name: `Remove ${name}` });
	await expect(list.getByRole('listitem')).toHaveText([/Ben/, /Cy/, /Dee/]);

	/** Removes `name` from the keyboard: Remove, then Confirm in the question that opens. */
	async function remove(name: string) {
		await removeButton(name).focus();
		await ana.keyboard.press('Enter');
		await list.getByRole('button', { name: 'Confirm' }).focus();
		await ana.keyboard.press('Enter');
		await expect(list.getByText(name, { exact: true })).toHaveCount(0);
	}

	await remove('Cy');
	await expect(removeButton('Dee')).toBeFocused();
	await remove('Dee');
	await expect(removeButton('Ben')).toBeFocused();
	// The list goes with the last person in it: focus stays in the host's card, on its title.
	await remove('Ben');
	await expect(ana.getByRole('heading', { name: 'You are the host' })).toBeFocused();
});
