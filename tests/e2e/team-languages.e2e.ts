import type { Browser, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import { expect, newTeam, test } from './fixtures';

/** A person whose browser speaks `locale`, in their own time zone. */
async function personIn(browser: Browser, locale: string, timezoneId: string): Promise<Page> {
	const context = await browser.newContext({
		locale,
		timezoneId,
		viewport: { width: 1200, height: 900 }
	});
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

/** Fills and saves a pairing card with one skill, every label in the person's language. */
async function fillCard(page: Page, words: Record<string, string>) {
	const form = page.getByRole('form', { name: words.form });
	await form.getByLabel(words.name!).fill(words.person!);
	await form
		.getByRole('group', { name: new RegExp(`^${words.group}`) })
		.getByLabel(words.skill!, { exact: true })
		.check();
	await form.getByRole('button', { name: words.save }).click();
	await expect(form.getByRole('button', { name: words.update })).toBeVisible();
}

test('a German and a Spanish member read the team space, their pair’s reasons and the .ics in their own language', async ({
	app,
	browser
}) => {
	const { url: teamUrl } = await newTeam(app.url, 'Support');
	const ana = await personIn(browser, 'de-DE', 'Africa/Lagos');
	const ben = await personIn(browser, 'es-ES', 'America/Bogota');
	for (const page of [ana, ben]) await page.goto(teamUrl);

	await expect(ana.getByRole('heading', { name: 'Das Üben im Team' })).toBeVisible();
	await expect(ana.getByText('0 Mitglieder teilen.')).toBeVisible();
	await expect(ana.getByRole('button', { name: 'Meine Zahlen teilen' })).toBeVisible();
	await expect(ben.getByRole('heading', { name: 'Lo que compartes' })).toBeVisible();
	await expect(ben.getByRole('button', { name: 'Borrar este espacio…' })).toBeVisible();
	// The server sends the month's built-in challenge in English; the page says it in German.
	const german = JSON.parse(await readFile('messages/team/de.json', 'utf8')) as Record<
		string,
		unknown
	>;
	const challenges = Object.entries(german).flatMap(([key, text]) =>
		key.startsWith('team_challenge_') ? [text] : []
	);
	expect(challenges).toContain(await ana.locator('p.challenge').textContent());

	await fillCard(ana, {
		form: 'Deine Tandem-Karte',
		name: 'Anzeigename',
		person: 'Ana',
		group: 'Stärken',
		skill: 'Feedback geben',
		save: 'Karte speichern',
		update: 'Karte aktualisieren'
	});
	await fillCard(ben, {
		form: 'Tu ficha de pareja',
		name: 'Nombre visible',
		person: 'Ben',
		group: 'Metas de crecimiento',
		skill: 'dar feedback',
		save: 'Guardar mi ficha',
		update: 'Actualizar mi ficha'
	});
	await ana.getByRole('button', { name: 'Tandems bilden' }).click();
	await expect(ana.getByRole('heading', { name: 'Runde 1' })).toBeVisible();
	await ben.reload();

	// Weekdays, times and dates as each language writes them, each in their own zone. Lagos and
	// Bogotá are six hours apart all year (Berlin and New York only outside some weeks of spring
	// and autumn), so the hours read the same whatever week the test runs.
	await expect(ana.locator('.why')).toContainText(
		/^Deine Stärke, Feedback geben, ist das Wachstumsziel von Ben; ihr überschneidet euch Mo–Fr 15:00–17:00 in deiner Zeitzone \(09:00–11:00 für Ben\)\.$/
	);
	await expect(ben.locator('.why')).toContainText(
		/^El punto fuerte de Ana, dar feedback, es tu meta de crecimiento; coinciden lun–vie 09:00–11:00 en tu hora \(15:00–17:00 para Ana\)\.$/
	);
	await expect(ben.locator('.slot')).toContainText(/^Primera cita propuesta: \p{L}+, \d+ \p{L}+/u);
	await expect(ben.locator('.slot')).toContainText('(Africa/Lagos) para Ana.');

	const download = ben.waitForEvent('download');
	await ben.getByRole('button', { name: 'Añadir al calendario (.ics)' }).click();
	const path = await (await download).path();
	const vevent = new ICAL.Component(ICAL.parse(await readFile(path, 'utf8'))).getFirstSubcomponent(
		'vevent'
	);
	expect(vevent?.getFirstPropertyValue('summary')).toBe('Pareja de práctica: Ben y Ana');
	expect(String(vevent?.getFirstPropertyValue('description'))).toMatch(
		/^Guía propuesta: .+\nNuestra sala: http/
	);
});

test('a team link that names no team space answers 404 with a way on, in the person’s language', async ({
	app,
	browser
}) => {
	const ana = await personIn(browser, 'de-DE', 'Europe/Berlin');
	const ben = await personIn(browser, 'es-ES', 'America/New_York');
	try {
		const mistyped = await ana.goto(`${app.url}/t/nope`);
		expect(mistyped?.status()).toBe(404);
		await expect(ana.getByRole('heading', { name: 'Team-Link nicht gefunden' })).toBeVisible();
		await expect(
			ana.getByText('Diesen Team-Link gibt es nicht oder er ist abgelaufen.')
		).toBeVisible();
		await ana.getByRole('link', { name: 'Zu den Playbooks' }).click();
		await expect(ana).toHaveURL(`${app.url}/`);

		// A well-formed id of no team, on the team's retro page.
		const unknown = await ben.goto(`${app.url}/t/${'A'.repeat(22)}/retro`);
		expect(unknown?.status()).toBe(404);
		await expect(
			ben.getByRole('heading', { name: 'Enlace de equipo no encontrado' })
		).toBeVisible();
		await expect(ben.getByRole('link', { name: 'Ir a las guías' })).toBeVisible();
	} finally {
		await ana.context().close();
		await ben.context().close();
	}
});
