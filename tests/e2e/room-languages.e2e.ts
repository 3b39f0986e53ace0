import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, newRoom, remainingOn, test } from './fixtures';

// Issue 18: one room, each person's interface in their own language; the projector in the room's.

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

test('a German and a Spanish browser share one room, each in its own language, the projector in the room’s', async ({
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
	await ben.getByRole('button', { name: es.room_action_next }).click();
	await expect(phaseOf(ana)).toContainText(fill(de.room_phase_step, { step: 2, total: 10 }));
	await expect(phaseOf(ben)).toContainText(fill(es.room_phase_step, { step: 2, total: 10 }));
	// Each reads the playbook in their own language, so the step, not its title, is compared.
	const step = await phaseOf(ana).getAttribute('data-step');
	await expect(phaseOf(ben)).toHaveAttribute('data-step', step ?? '');

	// The projector, opened by a Spanish browser, speaks the room's language: its playbook's when
	// the app speaks it, else the browser's own.
	const playbook = (await (
		await fetch(`${app.url}/api/playbooks/active-listening-sprint`)
	).json()) as { language?: string };
	const roomLanguage = (['en', 'de', 'es'] as const).find((l) => l === playbook.language) ?? 'es';
	const said = words(roomLanguage);
	const link = await ana
		.getByRole('link', { name: de.room_projector_open_label })
		.getAttribute('href');
	const projector = await personSpeaking(browser, 'es-ES');
	await projector.goto(new URL(link ?? '', url).href);
	await expect(projector.locator('html')).toHaveAttribute('lang', roomLanguage);
	await expect(projector.getByRole('heading', { name: said.room_hands_title })).toBeVisible();
	await expect(
		projector.getByText(fill(said.room_projector_step, { step: 2, total: 10 }))
	).toBeVisible();
	// A new phase waits for its timer to be started, on every screen alike.
	const status = await ana.locator('[data-remaining-ms]').getAttribute('data-status');
	await expect(projector.locator('[data-remaining-ms]')).toHaveAttribute(
		'data-status',
		status ?? ''
	);
	await expect(ben.locator('[data-remaining-ms]')).toHaveAttribute('data-status', status ?? '');
	await expect(projector.getByText(said.room_projector_not_started ?? '')).toBeVisible();

	// Nothing regresses for assistive technology in either language, the projector's included.
	for (const page of [ana, ben, projector]) await expectAccessible(page);

	for (const page of [ana, ben, projector]) await page.context().close();
});
