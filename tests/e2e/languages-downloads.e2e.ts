import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, joinRoom, newRoom, test } from './fixtures';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const TITLE = 'Talk to Sam about deadlines';

/** A browser whose languages and time zone are a person's: what a download should follow. */
async function personIn(browser: Browser, locale: string, timezoneId: string): Promise<Page> {
	const context = await browser.newContext({ locale, timezoneId });
	return context.newPage();
}

async function saved(page: Page, click: () => Promise<void>): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFile((await (download as Download).path())!, 'utf8');
}

/** The calendar's name and its events, parsed back as a calendar app would read them. */
function parseCalendar(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return {
		name: calendar.getFirstPropertyValue('x-wr-calname'),
		events: calendar.getAllSubcomponents('vevent').map((vevent) => {
			const event = new ICAL.Event(vevent);
			return {
				summary: event.summary,
				description: event.description,
				start: event.startDate.toJSDate().getTime()
			};
		})
	};
}

const momentIn = (locale: string, timeZone: string) => (ms: number) =>
	new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);

test('a German and a Spanish reader download the summary and the follow-ups in their own language', async ({
	app,
	browser
}) => {
	// Ada plans the real conversation in English, in UTC.
	const ada = await personIn(browser, 'en-US', 'UTC');
	const url = await newRoom(app.url, 'feedback-that-lands');
	await ada.goto(url);
	await joinRoom(ada, 'Ada', 'Giver');
	await ada.getByRole('button', { name: 'Next phase' }).click();
	const schedule = ada.getByRole('region', { name: 'Schedule the real conversation' });
	const startsAt = Math.ceil((Date.now() + 3 * 60 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
	await schedule.getByLabel('Title').fill(TITLE);
	await schedule
		.getByLabel('Date and time')
		.fill(new Date(startsAt).toISOString().slice(0, '2026-11-22T10:00'.length));
	await schedule.getByRole('button', { name: 'Save' }).click();
	await expect(schedule.getByRole('status')).toHaveText(
		'Your plan is saved. Everyone in the room sees it.'
	);

	// Greta reads the summary in German, in Berlin.
	const greta = await personIn(browser, 'de-DE', 'Europe/Berlin');
	await greta.goto(`${url}/summary`);
	const german = momentIn('de', 'Europe/Berlin');
	const markdown = await saved(greta, () =>
		greta.getByRole('button', { name: 'Markdown herunterladen' }).click()
	);
	expect(markdown).toMatch(/^# .+: Zusammenfassung der Sitzung\n\n- Datum: \d{2}\.\d{2}\.\d{4}, /);
	expect(markdown).toContain('\n## Teilnehmende\n\n- Ada (');
	expect(markdown).toContain('\n## Zeit pro Phase\n');
	expect(markdown).toContain(
		`\n## Folgetermine\n\n- **Ada**: ${TITLE}, ${german(startsAt)}; Reflexion ${german(startsAt + DAY_MS)}\n`
	);
	expect(markdown).not.toContain('session summary');

	const calendar = parseCalendar(
		await saved(greta, () =>
			greta.getByRole('button', { name: 'Folgetermine laden (.ics)' }).click()
		)
	);
	expect(calendar).toEqual({
		name: 'Practice Room: Folgetermine',
		events: [
			{
				summary: TITLE,
				description: 'Das Gespräch, das du in Practice Room geübt hast.',
				start: startsAt
			},
			{
				summary: `Reflexion: ${TITLE}`,
				description:
					'Wie ist das Gespräch gelaufen? Was hat funktioniert, was würdest du ändern, und was probierst du als Nächstes?',
				start: startsAt + DAY_MS
			}
		]
	});

	// Sofía reads the same room in Spanish, in Mexico City: her own words and clock.
	const sofia = await personIn(browser, 'es-MX', 'America/Mexico_City');
	await sofia.goto(`${url}/summary`);
	const spanish = momentIn('es', 'America/Mexico_City');
	const resumen = await saved(sofia, () =>
		sofia.getByRole('button', { name: 'Descargar Markdown' }).click()
	);
	expect(resumen).toMatch(/^# .+: resumen de la sesión\n/);
	expect(resumen).toContain(
		`\n## Seguimientos\n\n- **Ada**: ${TITLE}, ${spanish(startsAt)}; reflexión ${spanish(startsAt + DAY_MS)}\n`
	);
	const calendario = parseCalendar(
		await saved(sofia, () =>
			sofia.getByRole('button', { name: 'Descargar seguimientos (.ics)' }).click()
		)
	);
	expect(calendario.name).toBe('Practice Room: seguimientos');
	expect(calendario.events.map(({ summary }) => summary)).toEqual([TITLE, `Reflexión: ${TITLE}`]);

	for (const page of [ada, greta, sofia]) await page.context().close();
});
