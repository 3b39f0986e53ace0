import { expect, hydrated, joinRoom, openPerson, test } from './fixtures';

test('filtering the library to a skill and a time limit shows only matching cards, in the URL', async ({
	app,
	browser
}) => {
	const page = await openPerson(browser);
	await page.goto(app.url);
	await hydrated(page);
	const filters = page.getByRole('search', { name: 'Filter playbooks' });
	// Marks this document: a full reload (the plain GET form the button sends without the
	// script) would lose the mark; the hydrated page applies every choice in place.
	await page.evaluate(() => Object.assign(window, { sameDocument: true }));
	await filters.getByLabel('Skill').selectOption('listening');
	// One filter at a time, as a person would: each change navigates (see the closing note).
	await expect(page).toHaveURL(/\?skill=listening$/);
	await filters.getByLabel('Time').selectOption('15');
	await expect(page).toHaveURL(/\?skill=listening&time=15$/);
	await expect(page.locator('[data-playbook]')).toHaveCount(1);
	await expect(page.locator('[data-playbook="five-minute-win"]')).toBeVisible();

	// The filtered view is shareable: opening its URL shows the same cards and filters.
	const shared = await openPerson(browser);
	await shared.goto(page.url());
	await expect(shared.locator('[data-playbook]')).toHaveCount(1);
	await expect(shared.getByRole('search').getByLabel('Skill')).toHaveValue('listening');

	await filters.getByLabel('Search').fill('nothing matches this');
	await expect(page.getByText('No playbook matches these filters')).toBeVisible();
	// The button stays after hydration, and it and Enter apply the same view in place.
	const filtered = `${app.url}/?q=nothing+matches+this&skill=listening&time=15`;
	await expect(page).toHaveURL(filtered);
	await filters.getByRole('button', { name: 'Show playbooks' }).click();
	await filters.getByLabel('Search').press('Enter');
	await expect(page).toHaveURL(filtered);
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
	await page.context().close();
	await shared.context().close();
});

const WITHOUT_THE_SCRIPT = [
	{ name: 'without JavaScript', javaScriptEnabled: false, blockScripts: false },
	// A slow phone: the page is drawn, its script still on the way.
	{ name: 'before the page’s script has loaded', javaScriptEnabled: true, blockScripts: true }
];

for (const { name, javaScriptEnabled, blockScripts } of WITHOUT_THE_SCRIPT) {
	test(`${name}, the filters sent by their button show the matching cards at the hydrated page’s URL`, async ({
		app,
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled });
		// Its scripts never arrive, so the page stays as the server drew it.
		if (blockScripts) await context.route('**/_app/immutable/**/*.js', (route) => route.abort());
		const page = await context.newPage();
		await page.goto(app.url);
		const filters = page.getByRole('search', { name: 'Filter playbooks' });
		await filters.getByLabel('Skill').selectOption('listening');
		await filters.getByLabel('Time').selectOption('15');
		await filters.getByRole('button', { name: 'Show playbooks' }).click();
		await expect(page).toHaveURL(`${app.url}/?skill=listening&time=15`);
		await expect(page.locator('[data-playbook]')).toHaveCount(1);
		await expect(page.locator('[data-playbook="five-minute-win"]')).toBeVisible();
		await expect(filters.getByLabel('Time')).toHaveValue('15');

		// Enter in the search sends the form too, keeping the other filters.
		await filters.getByLabel('Search').fill('nothing matches');
		await filters.getByLabel('Search').press('Enter');
		await expect(page).toHaveURL(`${app.url}/?q=nothing+matches&skill=listening&time=15`);
		await expect(page.getByText('No playbook matches these filters')).toBeVisible();
		await context.close();
	});
}

test('choices made before the page’s script arrives survive its arrival', async ({
	app,
	browser
}) => {
	const context = await browser.newContext();
	// A slow phone: the page is drawn, and used, while its script is still on the way.
	let arrive = () => {};
	const arrived = new Promise<void>((resolve) => (arrive = resolve));
	await context.route('**/_app/immutable/**/*.js', async (route) => {
		await arrived;
		await route.continue();
	});
	const page = await context.newPage();
	await page.goto(app.url);
	const filters = page.getByRole('search', { name: 'Filter playbooks' });
	await filters.getByLabel('Skill').selectOption('listening');
	await filters.getByLabel('Search').fill('sprint');
	// The script arrives before the button is pressed: the form keeps the choices (hydration
	// would set it back to the filters the page was drawn with), and they apply as any choice
	// does once the script runs.
	arrive();
	await hydrated(page);
	await expect(filters.getByLabel('Skill')).toHaveValue('listening');
	await expect(filters.getByLabel('Search')).toHaveValue('sprint');
	await expect(page).toHaveURL(`${app.url}/?q=sprint&skill=listening`);
	// Other tests of the run may have published playbooks of their own: built-ins tell enough.
	await expect(page.locator('[data-playbook="active-listening-sprint"]')).toBeVisible();
	await expect(page.locator('[data-playbook="gratitude-circle"]')).toHaveCount(0);
	await context.close();
});

test('filtering the library to a language shows its cards in that language, in the URL', async ({
	app,
	browser
}) => {
	const page = await openPerson(browser);
	await page.goto(app.url);
	await hydrated(page);
	const filters = page.getByRole('search', { name: 'Filter playbooks' });
	await filters.getByLabel('Language').selectOption('de');
	await expect(page).toHaveURL(/\?lang=de$/);
	const card = page.locator('[data-playbook="five-minute-win"]');
	await expect(card.getByRole('heading', { name: 'Fünf-Minuten-Erfolg' })).toBeVisible();
	await expect(card).toContainText('Direkt nach einem Meeting');
	await expect(page.locator('[data-playbook]')).toHaveCount(9);
	await filters.getByLabel('Language').selectOption('es');
	await expect(card.getByRole('heading', { name: 'Victoria en cinco minutos' })).toBeVisible();
	// A search finds a playbook by its words in any of its languages.
	await filters.getByLabel('Search').fill('escucha activa');
	await expect(page.locator('[data-playbook]')).toHaveCount(1);
	await expect(page.getByRole('heading', { name: 'Sprint de escucha activa' })).toBeVisible();
	await page.context().close();
});

test('a playbook page shows the whole flow and starts a room at its first phase', async ({
	app,
	browser
}) => {
	const page = await openPerson(browser);
	await page.goto(app.url);
	await page.getByRole('link', { name: 'Coaching Session (one-to-one)' }).click();
	await expect(
		page.getByRole('heading', { name: 'Coaching Session (one-to-one)', level: 1 })
	).toBeVisible();
	const flow = page.getByRole('region', { name: 'The flow' });
	await expect(flow.getByRole('listitem')).toHaveCount(6);
	await expect(flow).toContainText('Work towards the goal');
	await expect(page.getByText('In English, Deutsch, and Español')).toBeVisible();
	await expect(flow).toContainText('20 min');
	await expect(page.getByRole('region', { name: 'Debrief' })).toContainText(
		'Pitfalls and rescue moves'
	);
	await page.getByRole('button', { name: 'Start a room' }).click();
	await page.waitForURL(/\/r\//);
	await joinRoom(page, 'Ada', 'Coachee');
	await expect(page.getByRole('heading', { name: 'Questions to prepare' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Your role: Coachee' })).toBeVisible();
	await expect(page.locator('[data-remaining-ms]')).toHaveText('5:00');
	await page.context().close();
});

test('a custom playbook: a message for an empty phase title, fixed, saved, listed and used', async ({
	app,
	browser
}) => {
	const page = await openPerson(browser);
	await page.goto(`${app.url}/p/five-minute-win`);
	await page.getByRole('link', { name: 'Copy and edit' }).click();
	await expect(page.getByRole('heading', { name: 'Adapt “Five-Minute Win”' })).toBeVisible();
	await page.locator('#title').fill('Retro Listening Win');
	await page.locator('#author').fill('Grace');

	await page.getByRole('button', { name: 'Add a phase' }).click();
	const title = page.locator('#phases-3-title');
	await title.focus();
	await title.blur();
	await expect(page.locator('#phases-3-title-problems')).toHaveText('must not be empty');
	await expect(title).toHaveAttribute('aria-invalid', 'true');

	await title.fill('Thank the observer');
	await page.locator('#phases-3-summary').fill('Close by thanking each other.');
	await page.locator('#phases-3-instructions-practiser').fill('Say one thing that helped.');
	await page.locator('#phases-3-instructions-observer').fill('Receive the thanks simply.');
	await title.blur();
	await expect(page.locator('#phases-3-title-problems')).toHaveCount(0);

	await page.getByRole('button', { name: 'Save playbook' }).click();
	await page.waitForURL(/\/p\/retro-listening-win-[a-z0-9]{8}$/);
	await expect(page.getByText('Community playbook · by Grace')).toBeVisible();
	await expect(page.getByRole('region', { name: 'The flow' })).toContainText('Thank the observer');

	await page.goto(`${app.url}/?q=retro`);
	const card = page.locator('[data-playbook^="retro-listening-win-"]');
	await expect(card).toContainText('Community · by Grace');
	await card.getByRole('button', { name: 'Start a room' }).click();
	await page.waitForURL(/\/r\//);
	await joinRoom(page, 'Grace');
	await expect(page.locator('[data-step]')).toContainText('Step 1 of 4');
	await page.context().close();
});

test('importing a broken playbook file lists every problem at once', async ({ app, browser }) => {
	const page = await openPerson(browser);
	await page.goto(`${app.url}/p/new`);
	await page.getByText('Import a playbook file').click();
	const broken = {
		title: 'Broken',
		summary: '',
		minutes: -1,
		roles: [{ id: 'speaker', name: 'Speaker', brief: 'Talks.' }],
		phases: [
			{
				id: 'one',
				title: 'One',
				summary: 'x',
				instructions: { coach: 'x' },
				prompts: [],
				durationSec: 0
			}
		]
	};
	await page.getByLabel('Playbook file contents').fill(JSON.stringify(broken));
	await page.getByRole('button', { name: 'Import pasted text' }).click();
	const alert = page.getByRole('alert');
	await expect(alert.getByRole('heading')).toHaveText(/This file has \d+ problems/);
	for (const problem of [
		'summary: must not be empty',
		'minutes: must be a positive number',
		'purpose: is required',
		'phases[0].durationSec: must be a positive number',
		'phases[0].instructions.coach: names an unknown role "coach"'
	]) {
		await expect(alert).toContainText(problem);
	}

	await page.getByLabel('Playbook file contents').fill('{ not json');
	await page.getByRole('button', { name: 'Import pasted text' }).click();
	await expect(alert.getByRole('heading')).toHaveText('This file is not a playbook');
	await page.context().close();
});

test('the author deletes their community playbook from its page; nobody else is offered to', async ({
	app,
	browser
}) => {
	const author = await openPerson(browser);
	await author.goto(`${app.url}/p/new?from=five-minute-win`);
	await author.locator('#title').fill('Short-lived Win');
	await author.getByRole('button', { name: 'Save playbook' }).click();
	await author.waitForURL(/\/p\/short-lived-win-[a-z0-9]{8}$/);
	const address = author.url();

	// Another browser has no delete token: no button.
	const visitor = await openPerson(browser);
	await visitor.goto(address);
	await expect(visitor.getByRole('heading', { name: 'Short-lived Win', level: 1 })).toBeVisible();
	await expect(visitor.getByRole('button', { name: 'Start a room' })).toBeVisible();
	await expect(visitor.getByRole('button', { name: 'Delete this playbook' })).toHaveCount(0);

	await author.getByRole('button', { name: 'Delete this playbook' }).click();
	await expect(author.getByRole('group')).toContainText('Delete “Short-lived Win” for everyone?');
	await author.getByRole('button', { name: 'Delete now' }).click();
	await author.waitForURL(`${app.url}/`);
	await author.goto(`${app.url}/?q=short-lived`);
	await expect(author.getByText('No playbook matches these filters')).toBeVisible();

	const gone = await visitor.goto(address);
	expect(gone?.status()).toBe(404);
	await author.context().close();
	await visitor.context().close();
});
