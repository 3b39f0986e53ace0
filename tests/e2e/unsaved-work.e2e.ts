// Whether the language switcher, which reloads the page, asks first: it asks while something on
// the page holds work a reload would lose (src/lib/client/unsaved-work.ts), staying keeps that
// work, and work once saved is none.
import type { Dialog, Locator, Page } from '@playwright/test';
import { expect, hydrated, newTeam, test } from './fixtures';

test('hours typed on a playbook page: the switcher asks first, and staying keeps them', async ({
	app,
	page
}) => {
	await page.goto(`${app.url}/p/active-listening-sprint`);
	await hydrated(page);
	await page.getByLabel('Run across time zones').check();
	await expectSwitchAsksFirst(
		page,
		page.getByLabel('Tell the story: hours to take the turn'),
		'12'
	);
});

test('a playbook being written at /p/new: the switcher asks first once it is changed, and staying keeps it', async ({
	app,
	page
}) => {
	await page.goto(`${app.url}/p/new`);
	await hydrated(page);
	await expectSwitchAsksFirst(page, page.getByLabel('Title', { exact: true }), 'Stand-up practice');
});

test('a reflection being written in the journal: the switcher asks first, and staying keeps it', async ({
	app,
	page
}) => {
	await page.goto(`${app.url}/journal`);
	await hydrated(page);
	await page.getByRole('button', { name: 'Write a reflection' }).click();
	await expectSwitchAsksFirst(page, page.getByLabel('Context'), 'The Monday stand-up');
});

test('the month’s pulse being written: the switcher asks first, and staying keeps it', async ({
	app,
	page
}) => {
	await page.goto(`${app.url}/practice`);
	await hydrated(page);
	const pulse = page.getByRole('region', { name: 'This month’s pulse' }).getByRole('textbox');
	await expectSwitchAsksFirst(page, pulse, 'Sam, after our talk');
});

test('a rhythm plan changed and not saved: the switcher asks first, and staying keeps it', async ({
	app,
	page
}) => {
	await page.goto(`${app.url}/practice`);
	await hydrated(page);
	const plan = page.getByRole('region', { name: 'Plan a rhythm' });
	await expectSwitchAsksFirst(page, plan.getByRole('combobox', { name: 'How often' }).first(), '3');
});

test('a pairing card changed and not saved: the switcher asks first, and staying keeps it', async ({
	app,
	page
}) => {
	await page.goto((await newTeam(app.url, 'Support')).url);
	await hydrated(page);
	const card = page.getByRole('form', { name: 'Your pairing card' });
	await expectSwitchAsksFirst(page, card.getByLabel('Display name'), 'Ana');
});

test('a pairing card once saved is no work to lose: the switcher does not ask', async ({
	app,
	page
}) => {
	await page.goto((await newTeam(app.url, 'Support')).url);
	await hydrated(page);
	const card = page.getByRole('form', { name: 'Your pairing card' });
	await card.getByLabel('Display name').fill('Ana');
	await card
		.getByRole('group', { name: /^Strengths/ })
		.getByLabel('giving feedback', { exact: true })
		.check();
	await card.getByRole('button', { name: 'Save my card' }).click();
	await expect(card.getByRole('button', { name: 'Update my card' })).toBeVisible();
	await expectSwitchWithoutAsking(page, 'de');
});

test('a pulse and a rhythm plan once saved are no work to lose: the switcher does not ask', async ({
	app,
	page
}) => {
	await page.goto(`${app.url}/practice`);
	await hydrated(page);
	const pulse = page.getByRole('region', { name: 'This month’s pulse' });
	await pulse.getByRole('textbox').fill('Sam, after our talk');
	await pulse.getByRole('radio', { name: /4/ }).check();
	await pulse.getByRole('button', { name: 'Save pulse' }).click();
	await expect(pulse.getByText('Pulse saved')).toBeVisible();
	const plan = page.getByRole('region', { name: 'Plan a rhythm' });
	await plan.getByRole('combobox', { name: 'How often' }).first().selectOption('3');
	await plan.getByRole('button', { name: 'Save plan' }).click();
	await expect(plan.getByText('Plan saved')).toBeVisible();
	await expectSwitchWithoutAsking(page, 'de');
	// Reloaded: the pulse is shown, and what its hidden form holds (nothing) is no work either.
	await expect(page.getByRole('button', { name: 'Puls dieses Monats ändern' })).toBeVisible();
	await expectSwitchWithoutAsking(page, 'en');
});

/**
 * Types (or chooses) `value` in `field`, work the page does not keep: choosing German asks first,
 * staying keeps the page and what was typed, and going ahead reloads it in German.
 */
async function expectSwitchAsksFirst(page: Page, field: Locator, value: string): Promise<void> {
	if ((await field.evaluate((element) => element.tagName)) === 'SELECT') {
		await field.selectOption(value);
	} else await field.fill(value);
	const switcher = page.getByRole('banner').getByRole('combobox', { name: 'Language' });
	page.once('dialog', (dialog) => void dialog.dismiss());
	await switcher.selectOption('de');
	await expect(switcher).toHaveValue('en');
	await expect(field).toHaveValue(value);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	page.once('dialog', (dialog) => void dialog.accept());
	await switcher.selectOption('de');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
}

/** Chooses `locale` with nothing unsaved on the page: no question, and the page reloads in it. */
async function expectSwitchWithoutAsking(page: Page, locale: 'de' | 'en'): Promise<void> {
	const asked: string[] = [];
	const ask = (dialog: Dialog) => {
		asked.push(dialog.message());
		// Going ahead: a question then fails below, saying what it asked, not as a page that
		// never reloads.
		void dialog.accept();
	};
	page.on('dialog', ask);
	await page
		.getByRole('banner')
		.getByRole('combobox', { name: /^(Language|Sprache)$/ })
		.selectOption(locale);
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	page.off('dialog', ask);
	expect(asked).toEqual([]);
}
