// Each person's language (issue 18, docs/languages.md): the server answers in it, the switcher
// changes it and the choice stays. Whether the switcher asks first: unsaved-work.e2e.ts.
import type { Browser, Page } from '@playwright/test';
import { expect, hydrated, joinRoom, newRoom, test } from './fixtures';
import { PHONE } from './phone';
import { expectAccessible } from './axe';

const home = (url: string, headers: Record<string, string>) => fetch(url, { headers });

test('the server answers GET / in the language the browser asks for, else English', async ({
	app
}) => {
	const german = await home(app.url, { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' });
	const html = await german.text();
	expect(html).toContain('<html lang="de" dir="ltr">');
	expect(html).toContain('Soft Skills gemeinsam üben, live');

	const french = await (await home(app.url, { 'accept-language': 'fr-FR,fr;q=0.9' })).text();
	expect(french).toContain('<html lang="en" dir="ltr">');
	expect(french).toContain('Practise soft skills together, live');
});

test('the switcher’s cookie wins over Accept-Language', async ({ app }) => {
	const response = await home(app.url, {
		'accept-language': 'de',
		cookie: 'PARAGLIDE_LOCALE=es'
	});
	const html = await response.text();
	expect(html).toContain('<html lang="es" dir="ltr">');
	expect(html).toContain('Practica habilidades sociales en equipo, en directo');
});

test('a page says caches must tell languages apart', async ({ app }) => {
	const response = await home(app.url, { 'accept-language': 'de' });
	const vary = (response.headers.get('vary') ?? '').toLowerCase();
	expect(vary).toContain('accept-language');
	expect(vary).toContain('cookie');
});

async function personIn(browser: Browser, locale: string): Promise<Page> {
	const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

test('choosing German with the mouse reloads the page in German, and it stays German', async ({
	app,
	browser
}) => {
	const page = await personIn(browser, 'en-US');
	await page.goto(app.url);
	// Until hydrated, the switcher is plain HTML, and choosing in it would change nothing.
	await hydrated(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('de');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Soft Skills gemeinsam üben, live'
	);

	await page.goto(`${app.url}/privacy`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Was Practice Room speichert, wo und wie lange'
	);
	// A room link carries no language: the room page opens in the chosen one too.
	const room = await fetch(`${app.url}/api/rooms`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ playbookId: 'active-listening-sprint' })
	});
	const { url } = (await room.json()) as { url: string };
	await page.goto(url);
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('banner').getByRole('combobox', { name: 'Sprache' })).toHaveValue(
		'de'
	);
});

test('the switcher works from the keyboard alone', async ({ app, browser }) => {
	const page = await personIn(browser, 'en-US');
	await page.goto(app.url);
	// Until hydrated, the switcher is plain HTML, and choosing in it would change nothing.
	await hydrated(page);
	const switcher = page.getByRole('banner').getByRole('combobox', { name: 'Language' });
	// Tab from the page's start until the switcher has the focus, as a keyboard user would.
	await expect(async () => {
		await page.keyboard.press('Tab');
		await expect(switcher).toBeFocused({ timeout: 100 });
	}).toPass({ timeout: 10_000 });
	// English, Deutsch, Español: one step down is German, chosen as the arrow key moves to it.
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Soft Skills gemeinsam üben, live'
	);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('choosing a language offline keeps the room and what was typed, and says why nothing changed', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
	try {
		const page = await context.newPage();
		await page.goto(url);
		await joinRoom(page, 'Ana');
		const notes = page.locator('#notes');
		await notes.fill('She felt overlooked.');
		const switcher = page.getByRole('banner').getByRole('combobox', { name: 'Language' });

		await context.setOffline(true);
		await expect(page.locator('[data-connection="reconnecting"]')).toBeVisible();
		await switcher.selectOption('de');
		// A reload now would leave only the browser's offline page: the room stays as it was.
		await expect(page.getByRole('banner').getByRole('status')).toHaveText(
			'Changing the language needs the connection, so your choice was not applied. Choose it again once you are back online.'
		);
		await expect(switcher).toHaveValue('en');
		expect(page.url()).toBe(url);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(notes).toHaveValue('She felt overlooked.');

		// Back online, the same choice reloads the room in German.
		await context.setOffline(false);
		await expect(page.getByRole('banner').getByRole('status')).toBeEmpty();
		await switcher.selectOption('de');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(page.locator('#notes')).toHaveValue('She felt overlooked.');
	} finally {
		await context.close();
	}
});

test('a script line typed but not yet added is still there after switching language', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'role-play-with-reality');
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(url);
		await joinRoom(page, 'Ada', 'Practitioner');
		await page.getByRole('button', { name: 'Next phase' }).click();
		const line = page.getByRole('region', { name: 'Script' }).getByLabel('Line text');
		await line.fill('Your report was late again.');

		await page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('de');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
		await expect(
			page.getByRole('region', { name: 'Skript' }).getByLabel('Text der Zeile')
		).toHaveValue('Your report was late again.');
	} finally {
		await context.close();
	}
});

test('at 1200 px the offline note takes a row of its own: the room’s Pause button is still what is under its centre', async ({
	app,
	browser
}) => {
	const url = await newRoom(app.url, 'active-listening-sprint');
	const page = await personIn(browser, 'en-US');
	try {
		await page.goto(url);
		await joinRoom(page, 'Ana');
		const pause = page.getByRole('button', { name: 'Pause for everyone' });
		const note = page.getByRole('banner').getByRole('status');

		await page.context().setOffline(true);
		await page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('de');
		await expect(note).toHaveText(
			'Changing the language needs the connection, so your choice was not applied. Choose it again once you are back online.'
		);
		await expect(note).toBeVisible();
		await expect(pause).toBeInViewport();
		const box = await pause.boundingBox();
		if (!box) throw new Error('the Pause button has no box');
		const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		// The button itself or something inside it, not the note over it.
		const onTop = await pause.evaluate(
			(button, { x, y }) => button.contains(document.elementFromPoint(x, y)),
			centre
		);
		expect(onTop).toBe(true);
	} finally {
		await page.context().close();
	}
});

for (const locale of ['de', 'es']) {
	test(`the home page is accessible in ${locale}`, async ({ app, browser }) => {
		const page = await personIn(browser, locale);
		await page.goto(app.url);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expectAccessible(page);
	});
}

test('a German person reads a file’s problems in German, paths kept, and loads zod’s words in German, not Spanish', async ({
	app,
	browser
}) => {
	const page = await personIn(browser, 'de');
	const scripts: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.url().endsWith('.js')) scripts.push(response.text());
	});
	const zodGerman = page.waitForResponse(
		async (response) =>
			response.url().endsWith('.js') && (await response.text()).includes('Zu klein:')
	);
	await page.goto(`${app.url}/p/new`);
	await zodGerman;
	await page.getByText('Playbook-Datei importieren').click();
	await page
		.getByLabel('Inhalt der Playbook-Datei')
		.fill(JSON.stringify({ title: 'x'.repeat(81), minutes: -1, colour: 'blue' }));
	await page.getByRole('button', { name: 'Eingefügten Text importieren' }).click();
	const alert = page.getByRole('alert');
	for (const problem of [
		'title: darf höchstens 80 Zeichen lang sein',
		'minutes: muss eine positive Zahl sein',
		'purpose: fehlt',
		'hat ein unbekanntes Feld: colour'
	]) {
		await expect(alert).toContainText(problem);
	}
	const loaded = await Promise.all(scripts);
	// English comes with zod's classic API, which this page loads; Spanish must not come at all.
	expect(loaded.some((script) => script.includes('Demasiado pequeño:'))).toBe(false);
});
