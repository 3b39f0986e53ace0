import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, hydrated, newRoom, remainingOn, test } from './fixtures';
import { activeListeningSprint } from '../../src/lib/playbooks/built-in/active-listening-sprint';

// Issue 18: one room, each person's interface in their own language; the projector in its
// browser's, when the playbook can be read in it.

type Locale = 'en' | 'de' | 'es';
const words = (locale: Locale): Record<string, string> =>
	JSON.parse(
		readFileSync(new URL(`../../messages/room/${locale}.json`, import.meta.url), 'utf8')
	) as Record<string, string>;
const fill = (message: string | undefined, values: Record<string, number>) =>
	Object.entries(values).reduce(
		(text, [name, value]) => text.replace(`{${name}}`, String(value)),
		message ?? ''
	);

/** A person whose browser speaks `locale` (Accept-Language and navigator.languages). */
async function personSpeaking(browser: Browser, locale: string): Promise<Page> {
	const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
	return context.newPage();
}

async function joinIn(page: Page, url: string, said: Record<string, string>, name: string) {
	await page.goto(url);
	await page.getByLabel(said.room_join_name ?? '').fill(name);
	await page.getByRole('button', { name: said.room_join, exact: true }).click();
	await page.getByRole('button', { name: said.room_action_agree, exact: true }).click();
	await expect(page.locator('[data-step]')).toBeVisible();
}

const phaseOf = (page: Page) => page.locator('section.phase');

test('a German and a Spanish browser share one room, each in its own language, a projector too', async ({
	app,
	browser
}) => {
	const de = words('de');
	const es = words('es');
	const url = await newRoom(app.url, 'active-listening-sprint');
	const ana = await personSpeaking(browser, 'de-DE');
	const ben = await personSpeaking(browser, 'es-ES');
	await joinIn(ana, url, de, 'Ana');
	await joinIn(ben, url, es, 'Ben');

	await expect(ana.locator('html')).toHaveAttribute('lang', 'de');
	await expect(ben.locator('html')).toHaveAttribute('lang', 'es');
	await expect(ana.getByRole('button', { name: de.room_pause_button })).toBeVisible();
	await expect(ben.getByRole('button', { name: es.room_pause_button })).toBeVisible();
	await expect(ana.getByRole('button', { name: de.room_action_raise_hand })).toBeVisible();
	await expect(ben.getByRole('button', { name: es.room_action_raise_hand })).toBeVisible();
	await expect(phaseOf(ana)).toContainText(fill(de.room_phase_step, { step: 1, total: 10 }));
	await expect(phaseOf(ben)).toContainText(fill(es.room_phase_step, { step: 1, total: 10 }));

	// Ana starts the timer in German; Ben sees it run, at the same time left.
	await ana.getByRole('button', { name: de.room_timer_start, exact: true }).click();
	for (const page of [ana, ben])
		await expect(page.locator('[data-status="running"]')).toBeVisible();
	await expect(ben.getByRole('status').filter({ hasText: es.room_timer_running })).toBeVisible();
	const [left, right] = [await remainingOn(ana), await remainingOn(ben)];
	expect(Math.abs(left - right)).toBeLessThan(2_000);

	// Ben moves on in Spanish; both are on the same phase.
	await ben.getByRole('button', { name: es.room_silence_next }).click();
	await expect(phaseOf(ana)).toContainText(fill(de.room_phase_step, { step: 2, total: 10 }));
	await expect(phaseOf(ben)).toContainText(fill(es.room_phase_step, { step: 2, total: 10 }));
	// Each reads the playbook in their own language, so the step, not its title, is compared.
	const step = await phaseOf(ana).getAttribute('data-step');
	await expect(phaseOf(ben)).toHaveAttribute('data-step', step ?? '');

	// The projector, opened by a Spanish browser, speaks Spanish: the playbook has a Spanish
	// translation, so the screen's words and the playbook's texts are both in the browser's language.
	const link = await ana
		.getByRole('link', { name: de.room_projector_open_label })
		.getAttribute('href');
	const projector = await personSpeaking(browser, 'es-ES');
	await projector.goto(new URL(link ?? '', url).href);
	await expect(projector.getByRole('heading', { name: es.room_hands_title })).toBeVisible();
	await expect(
		projector.getByText(fill(es.room_projector_step, { step: 2, total: 10 }))
	).toBeVisible();
	await expect(projector.getByRole('heading', { level: 1 })).toHaveText(
		(await ben.locator('#phase-title').textContent()) ?? ''
	);
	// Asked once the screen shows the room, so the page is running: the server's answer already
	// names the browser's language.
	await expect(projector.locator('html')).toHaveAttribute('lang', 'es');
	// A new phase waits for its timer to be started, on every screen alike.
	const status = await ana.locator('[data-remaining-ms]').getAttribute('data-status');
	await expect(projector.locator('[data-remaining-ms]')).toHaveAttribute(
		'data-status',
		status ?? ''
	);
	await expect(ben.locator('[data-remaining-ms]')).toHaveAttribute('data-status', status ?? '');
	await expect(projector.getByText(es.room_projector_not_started ?? '')).toBeVisible();

	// Nothing regresses for assistive technology in either language, the projector's included.
	for (const page of [ana, ben, projector]) await expectAccessible(page);

	for (const page of [ana, ben, projector]) await page.context().close();
});

test('a projector opened by a German browser shows a built-in playbook in German, its words and the playbook’s texts alike', async ({
	app,
	browser
}, testInfo) => {
	const de = words('de');
	const url = await newRoom(app.url, 'listening-circle');
	const ana = await personSpeaking(browser, 'de-DE');
	await joinIn(ana, url, de, 'Ana');
	const link = await ana
		.getByRole('link', { name: de.room_projector_open_label })
		.getAttribute('href');
	const context = await browser.newContext({
		locale: 'de-DE',
		viewport: { width: 1280, height: 720 }
	});
	const projector = await context.newPage();
	await projector.goto(new URL(link ?? '', url).href);

	await expect(projector.getByRole('heading', { level: 1 })).toHaveText(
		(await ana.locator('#phase-title').textContent()) ?? ''
	);
	const firstStep = fill(de.room_projector_step, { step: 1 }).replace('{total}', '\\d+');
	await expect(projector.getByText(new RegExp(firstStep))).toBeVisible();
	for (const heading of [de.room_projector_up_next, de.room_hands_title, de.room_projector_scan])
		await expect(projector.getByRole('heading', { name: heading })).toBeVisible();
	await expect(projector.getByText(de.room_projector_none ?? '', { exact: true })).toBeVisible();
	await expect(projector.locator('html')).toHaveAttribute('lang', 'de');
	// Longer German words are not cut: every heading fits its column.
	const cut = await projector
		.locator('.screen h2, .screen .progress')
		.evaluateAll((elements) => elements.filter((e) => e.scrollWidth > e.clientWidth).length);
	expect(cut).toBe(0);
	await projector.screenshot({ path: testInfo.outputPath('projector-de-1280x720.png') });
	await testInfo.attach('projector in German at 1280×720', {
		path: testInfo.outputPath('projector-de-1280x720.png'),
		contentType: 'image/png'
	});
	await expectAccessible(projector);

	// The projector has no header, so a workshop leader picks the language once on that machine,
	// on another page: the projector follows the switcher's choice like every page.
	const es = words('es');
	await projector.goto(app.url);
	await hydrated(projector);
	await projector.getByRole('banner').getByRole('combobox').selectOption('es');
	await expect(projector.locator('html')).toHaveAttribute('lang', 'es');
	await projector.goto(new URL(link ?? '', url).href);
	await expect(projector.getByRole('heading', { name: es.room_projector_scan })).toBeVisible();
	await expect(projector.locator('html')).toHaveAttribute('lang', 'es');

	for (const page of [ana, projector]) await page.context().close();
});

/** Saves a playbook written in French, with no translation: the app does not speak French. */
async function frenchPlaybook(appUrl: string): Promise<{ id: string; title: string }> {
	const [first, ...phases] = activeListeningSprint.phases;
	if (!first) throw new Error('the built-in playbook has no phases');
	const title = 'Sprint d’écoute active';
	const response = await fetch(`${appUrl}/api/playbooks`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			...activeListeningSprint,
			language: 'fr',
			title,
			phases: [{ ...first, title: 'Accueil', prompts: ['Comment allez-vous ?'] }, ...phases]
		})
	});
	expect(response.status).toBe(201);
	return { id: ((await response.json()) as { id: string }).id, title };
}

test('a projector in German marks a playbook it shows in French as French, from the server’s page on', async ({
	app,
	browser
}) => {
	const de = words('de');
	const playbook = await frenchPlaybook(app.url);
	const url = await newRoom(app.url, playbook.id);
	const ana = await personSpeaking(browser, 'de-DE');
	await joinIn(ana, url, de, 'Ana');
	const link = await ana
		.getByRole('link', { name: de.room_projector_open_label })
		.getAttribute('href');
	const projectorUrl = new URL(link ?? '', url).href;

	// The server's page as it is before any script runs: the screen's words in German, the
	// playbook's title marked French.
	const still = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
	const served = await still.newPage();
	await served.goto(projectorUrl);
	await expect(served.locator('html')).toHaveAttribute('lang', 'de');
	await expect(served.getByText(de.room_connecting ?? '')).toBeVisible();
	const servedTitle = served.getByRole('heading', { level: 1 });
	await expect(servedTitle).toHaveText(playbook.title);
	await expect(servedTitle).toHaveAttribute('lang', 'fr');

	// Running: the phase's title and its prompt, still marked French on a German screen.
	const projector = await personSpeaking(browser, 'de-DE');
	await projector.goto(projectorUrl);
	await expect(projector.getByRole('heading', { name: de.room_hands_title })).toBeVisible();
	await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Accueil');
	await expect(projector.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fr');
	await expect(projector.locator('.prompt')).toHaveText('Comment allez-vous ?');
	await expect(projector.locator('.prompt')).toHaveAttribute('lang', 'fr');
	await expect(projector.locator('html')).toHaveAttribute('lang', 'de');
	await expectAccessible(projector);

	for (const page of [ana, served, projector]) await page.context().close();
});
