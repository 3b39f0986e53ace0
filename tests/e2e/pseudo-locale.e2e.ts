// The pseudo-locale check (issue 18, docs/languages.md): the dev server with PSEUDO_LOCALE=1
// serves every message wrapped in ⟦…⟧ (scripts/pseudo-locale.js), so any words on a page outside
// the markers were written into the page instead of taken from the messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { JournalEntry } from '../../src/lib/journal/entry';
import { reflection, sessionFacts } from '../../src/lib/journal/journal.fixture';
import { seedJournal } from '../support/journal-seed';
import { freePort } from '../support/redis-server';
import { hydrated, newRoom, newTeam } from './fixtures';
import { waitFor } from '../support/wait';

/** A page the check visits: where it is, given the server's address (some make their data first). */
interface PageCase {
	name: string;
	path: (baseUrl: string) => Promise<string>;
	/** What a person does there before the check, once the page has hydrated. */
	visit?: (page: Page) => Promise<void>;
	/** Records put into the browser's journal once the page is open, and what shows them drawn. */
	journal?: { entries: JournalEntry[]; drawn: string };
}

/** Someone typed this name: data, like the playbooks' texts. */
const PERSON = 'Ana';

/** Joins the room open in `page` under the first role, and confirms its agreements. */
async function joinRoom(page: Page): Promise<void> {
	await page.locator('#display-name').fill(PERSON);
	await page.locator('form.join button[type="submit"]').click();
	await page.locator('section.gate button.primary').click();
	await expect(page.locator('section.phase')).toBeVisible();
}

/**
 * The main pages, the room page with one person joined, its summary and the projector
 * (docs/languages.md lists every route and how it is covered).
 */
const PAGES: PageCase[] = [
	{ name: 'the library (home page)', path: async () => '/' },
	{ name: 'a playbook page', path: async () => '/p/active-listening-sprint' },
	{ name: 'a new playbook', path: async () => '/p/new' },
	{
		name: 'a copy of a playbook to adapt',
		path: async () => '/p/new?from=active-listening-sprint'
	},
	{ name: 'the journal (empty)', path: async () => '/journal' },
	{ name: 'My practice (empty journal)', path: async () => '/practice' },
	{
		name: 'My practice (one session)',
		path: async () => '/practice',
		journal: {
			entries: [{ ...reflection, session: { ...sessionFacts, date: Date.now() } }],
			drawn: '[data-badge="first-session"].earned'
		}
	},
	{ name: 'the privacy page', path: async () => '/privacy' },
	{
		name: 'a team’s page',
		path: async (baseUrl) => {
			const { id } = await newTeam(baseUrl, '2026');
			return `/t/${id}`;
		}
	},
	{
		name: 'a team’s retro before three members share',
		path: async (baseUrl) => {
			// A name without letters: the team's name is data, not the interface.
			const { id } = await newTeam(baseUrl, '2026');
			return `/t/${id}/retro`;
		}
	},
	{ name: 'a missing page (404)', path: async () => '/no/such/page' },
	{ name: 'a room link that leads nowhere (404)', path: async () => '/r/no-such-room' },
	{
		name: 'an unknown address under a room (404, with a way back to the room)',
		path: async (baseUrl) =>
			`${new URL(await newRoom(baseUrl, 'active-listening-sprint')).pathname}/no-such-page`
	},
	{
		name: 'a room with one person joined',
		path: async (baseUrl) => new URL(await newRoom(baseUrl, 'active-listening-sprint')).pathname,
		visit: joinRoom
	},
	{
		name: 'a room’s summary, for someone who joined',
		path: async (baseUrl) => new URL(await newRoom(baseUrl, 'active-listening-sprint')).pathname,
		visit: async (page) => {
			await joinRoom(page);
			await page.goto(`${page.url()}/summary`, { waitUntil: 'networkidle' });
			await expect(page.locator('.summary-page .actions')).toBeVisible();
		}
	},
	{
		name: 'the projector',
		path: async (baseUrl) => new URL(await newRoom(baseUrl, 'active-listening-sprint')).pathname,
		visit: async (page) => {
			await joinRoom(page);
			const link = await page.locator('.projector a.button').getAttribute('href');
			await page.goto(new URL(link ?? '', page.url()).href, { waitUntil: 'networkidle' });
			await expect(page.locator('.screen[data-step]')).toBeVisible();
		}
	}
];

/** Words that are data, not the interface: the playbooks' own texts. */
async function dataWords(base: string): Promise<string[]> {
	const strings = (value: unknown): string[] =>
		typeof value === 'string'
			? [value]
			: typeof value === 'object' && value !== null
				? Object.values(value).flatMap(strings)
				: [];
	const summaries = (await (await fetch(`${base}/api/playbooks`)).json()) as { id: string }[];
	const playbooks = await Promise.all(
		summaries.map(async ({ id }) => (await fetch(`${base}/api/playbooks/${id}`)).json())
	);
	// Longest first, so a word that is also part of a longer text does not break that text up.
	return [...strings(summaries), ...strings(playbooks), PERSON]
		.filter((text) => text.length > 1)
		.sort((a, b) => b.length - a.length);
}

/**
 * What on the page lacks the markers: text nodes people can see (and the options of selects),
 * the title, and aria-label, title, placeholder and alt attributes. A text passes when, with the
 * marked parts and the data taken out, nothing but numbers, spaces and punctuation is left.
 * Dates and times shown in <time> come from Intl, in the person's locale, and pass too, as do a
 * text marked data-intl that is exactly a weekday's or month's name from Intl in the page's
 * language, or a list whose glue (", ", " and ") is Intl's, languages' names in their own
 * language and addresses marked translate="no".
 */
function unmarked(page: Page, allowed: string[]): Promise<string[]> {
	return page.evaluate(
		({ allowed }) => {
			// Names Intl gives in the page's language (weekdays and months, in each width), which
			// pages show as labels outside a <time> (the pairing card's days): a text that is
			// exactly one of them passes where the page marks it `data-intl`, as a <time> does.
			// Only there: unmarked, an English "May", "Sun" or "S" written into a page would pass.
			const lang = document.documentElement.lang;
			const intlNames = new Set(
				(['long', 'short', 'narrow'] as const).flatMap((width) => [
					...Array.from({ length: 7 }, (_, day) =>
						new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' }).format(
							Date.UTC(2024, 0, 1 + day)
						)
					),
					...Array.from({ length: 12 }, (_, month) =>
						new Intl.DateTimeFormat(lang, { month: width, timeZone: 'UTC' }).format(
							Date.UTC(2024, month, 1)
						)
					)
				])
			);
			// What Intl puts between a list's marked items in the page's language, longest first.
			const listGlue = [
				['a', 'b'],
				['a', 'b', 'c']
			]
				.flatMap((items) => new Intl.ListFormat(lang, { type: 'conjunction' }).formatToParts(items))
				.filter((part) => part.type === 'literal')
				.map((part) => part.value)
				.sort((a, b) => b.length - a.length);
			const leftOver = (text: string, intl = false): boolean => {
				if (intl && intlNames.has(text.trim())) return false;
				// Innermost first: a message may carry another as a parameter (⟦Move ⟦Prompts⟧ 1 up⟧).
				let rest = text;
				while (/⟦[^⟦⟧]*⟧/.test(rest)) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
				for (const data of allowed) rest = rest.split(data).join(' ');
				if (intl) for (const glue of listGlue) rest = rest.split(glue).join(' ');
				return /\p{L}/u.test(rest);
			};
			// Not words of the interface: code, dates and times from Intl, a language's own name
			// where a list of languages is marked up with it (the language switcher), and what is
			// marked not to be translated (an address).
			const SKIPPED = 'script, style, noscript, template, time, [lang]:not(html), [translate="no"]';
			const found: string[] = [];
			if (leftOver(document.title)) found.push(`<title> ${document.title}`);
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const parent = node.parentElement;
				if (!parent || parent.closest(SKIPPED)) continue;
				if (!parent.checkVisibility() && !parent.closest('select')) continue;
				const text = node.textContent ?? '';
				if (leftOver(text, parent.closest('[data-intl]') !== null)) {
					found.push(`text: ${text.trim()}`);
				}
			}
			for (const element of document.body.querySelectorAll('*')) {
				for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
					const value = element.getAttribute(name);
					if (value !== null && leftOver(value)) found.push(`${name}: ${value}`);
				}
			}
			return found;
		},
		{ allowed }
	);
}

let dev: ChildProcess;
let base: string;
let dataDir: string;
let allowed: string[];

test.beforeAll(async () => {
	const port = await freePort();
	base = `http://localhost:${port}`;
	dataDir = mkdtempSync(join(tmpdir(), 'practice-room-pseudo-'));
	dev = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'dev', '--port', String(port), '--strictPort'],
		{ env: { ...process.env, PSEUDO_LOCALE: '1', DATA_DIR: dataDir }, stdio: 'ignore' }
	);
	await waitFor(
		() =>
			fetch(`${base}/healthz`).then(
				(response) => response.ok,
				() => false
			),
		'the pseudo-locale dev server',
		60_000
	);
	allowed = await dataWords(base);
});

test.afterAll(() => {
	dev.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
});

for (const { name, path, visit, journal } of PAGES) {
	test(`every word on ${name} comes from the messages`, async ({ page }) => {
		await page.goto(`${base}${await path(base)}`, { waitUntil: 'networkidle' });
		// What the browser renders (the journal from its storage, the team's figures) is there once
		// the page has hydrated.
		await hydrated(page);
		if (journal) {
			await seedJournal(page, journal.entries);
			await expect(page.locator(journal.drawn)).toBeVisible();
		}
		await visit?.(page);
		expect(await unmarked(page, allowed)).toEqual([]);
	});
}
