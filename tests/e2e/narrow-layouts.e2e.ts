import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { activeListeningSprint } from '../../src/lib/playbooks/built-in/active-listening-sprint';
import { expect, newRoom, newTeam, test } from './fixtures';
import { pixelAt, wholeInRow } from './phone';

// Small phones in the longer languages: words stay inside their boxes and the page does not
// scroll sideways (an exploratory tester's findings at 320 and 360 px in German and Spanish).

const NARROWEST = { width: 320, height: 640 };
const SMALL_PHONES = [NARROWEST, { width: 360, height: 740 }];
const LOCALES = ['de-DE', 'es-ES'];
const CASES = SMALL_PHONES.flatMap((viewport) => LOCALES.map((locale) => ({ viewport, locale })));

/** A team name with a word longer than a small phone is wide. */
const LONG_TEAM_NAME = 'Kundenservice Süd-West Entwicklungsteam';
/** Words people may type as long as the limits allow, none of them broken by a space. */
const LONG = {
	title: 'Mitarbeiterjahresgesprächsvorbereitungsübung',
	role: 'Gesprächsvorbereitungsleitung',
	phase: 'Gesprächsvorbereitungsphasenbeginn',
	person: 'Bartholomäusmaximiliansfriedrichsgruber'
};

const opened: BrowserContext[] = [];
test.afterEach(async () => {
	for (const context of opened.splice(0)) await context.close();
});

/** A touch phone whose browser speaks `locale`. */
async function phoneIn(
	browser: Browser,
	viewport: { width: number; height: number },
	locale: string
): Promise<Page> {
	const context = await browser.newContext({ viewport, locale, hasTouch: true, isMobile: true });
	opened.push(context);
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
	return page;
}

/**
 * Starts a room from the library and joins it, as its host. The controls are found by where
 * they are, not by their words, which are German or Spanish here.
 */
async function hostRoomIn(page: Page, appUrl: string): Promise<void> {
	await page.goto(appUrl);
	const start = page.locator('[data-playbook="active-listening-sprint"] button.primary');
	// A click that lands before the page has hydrated does nothing.
	await expect(async () => {
		await start.click();
		await page.waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/, { timeout: 5_000 });
	}).toPass({ timeout: 60_000 });
	await page.locator('#display-name').fill('Ana');
	await page.locator('form.join button[type="submit"]').click();
	await page.locator('section.gate button.primary').click();
	await expect(page.locator('section.phase')).toBeVisible();
}

/**
 * What is wrong with the tabs' boxes, by the tab's words: words running past their button (or
 * drawn outside it), a button overlapping the next one.
 */
const tabProblems = (bar: Locator) =>
	bar.evaluate((row) => {
		const buttons = [...row.querySelectorAll<HTMLElement>('[role="tab"]')];
		return buttons.flatMap((button, index) => {
			const words = button.textContent?.trim().replace(/\s+/g, ' ') ?? '';
			const box = button.getBoundingClientRect();
			const drawn = [...button.childNodes]
				.filter((node) => !(node instanceof HTMLElement && node.matches('.visually-hidden')))
				.map((node) => {
					const range = document.createRange();
					range.selectNode(node);
					return range.getBoundingClientRect();
				})
				.filter((rect) => rect.width > 0);
			const problems = [];
			if (button.scrollWidth > button.clientWidth) problems.push(`${words}: runs past its button`);
			if (drawn.some((rect) => rect.left < box.left - 0.5 || rect.right > box.right + 0.5)) {
				problems.push(`${words}: drawn outside its button`);
			}
			const next = buttons[index + 1]?.getBoundingClientRect();
			if (next && next.left < box.right - 0.5) problems.push(`${words}: overlaps the next tab`);
			return problems;
		});
	});

/**
 * Taps the part of `item` its sideways-scrolling `row` shows, as a thumb would: unlike a
 * Playwright click, which first scrolls the whole item into view.
 */
async function tapWhatShows(page: Page, item: Locator, row: Locator): Promise<void> {
	const [box, rowBox] = [await item.boundingBox(), await row.boundingBox()];
	if (!box || !rowBox) throw new Error('the tab or its row is not on screen');
	const left = Math.max(box.x, rowBox.x);
	const right = Math.min(box.x + box.width, rowBox.x + rowBox.width);
	await page.touchscreen.tap((left + right) / 2, box.y + box.height / 2);
}

/** The space left and right of each outermost visible card in the room's column. */
const cardMargins = (page: Page) =>
	page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		return [...document.querySelectorAll<HTMLElement>('.room .card')]
			.filter((card) => card.checkVisibility() && !card.parentElement?.closest('.card'))
			.map((card) => {
				const box = card.getBoundingClientRect();
				return { left: box.left, right: width - box.right };
			});
	});

/** The confidence scale's points whose words are drawn outside the point's box, by their words. */
const spilledPoints = (page: Page) =>
	page
		.locator('.points')
		.first()
		.evaluate((points) =>
			[...points.querySelectorAll<HTMLElement>('.point')].flatMap((point) => {
				const words = point.querySelector('.words');
				if (!words) return ['a point without words'];
				const range = document.createRange();
				range.selectNodeContents(words);
				const drawn = range.getBoundingClientRect();
				const box = point.getBoundingClientRect();
				const inside = drawn.left >= box.left && drawn.right <= box.right;
				return inside ? [] : [words.textContent ?? ''];
			})
		);

/**
 * Words inside `root` drawn past the right edge of the card holding them, or of the page where
 * no card holds them.
 */
const wordsOutside = (page: Page, root: string) =>
	page.locator(root).evaluate((element) => {
		const width = document.documentElement.clientWidth;
		const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		const outside: string[] = [];
		for (let node = texts.nextNode(); node; node = texts.nextNode()) {
			const parent = node.parentElement;
			const words = node.textContent?.trim() ?? '';
			if (!words || !parent?.checkVisibility() || parent.closest('.visually-hidden')) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			const edge = parent.closest('.card')?.getBoundingClientRect().right ?? width;
			if (range.getBoundingClientRect().right > edge + 0.5) outside.push(words.slice(0, 40));
		}
		return outside;
	});

/** Saves a community playbook titled `title` whose first role and first phase are each one long word. */
async function longWordedPlaybook(appUrl: string, title: string): Promise<string> {
	const [firstRole, ...roles] = activeListeningSprint.roles;
	const [firstPhase, ...phases] = activeListeningSprint.phases;
	if (!firstRole || !firstPhase) throw new Error('the built-in playbook has no roles or phases');
	const response = await fetch(`${appUrl}/api/playbooks`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			...activeListeningSprint,
			title,
			roles: [{ ...firstRole, name: LONG.role }, ...roles],
			phases: [{ ...firstPhase, title: LONG.phase }, ...phases]
		})
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { id: string }).id;
}

/** Whether the page scrolls sideways. */
const scrollsSideways = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

for (const { viewport, locale } of CASES) {
	const where = `at ${viewport.width}×${viewport.height} in ${locale}`;

	test(`${where} the host's tabs hold their words and the room's cards sit centred`, async ({
		app,
		browser
	}) => {
		const page = await phoneIn(browser, viewport, locale);
		await hostRoomIn(page, app.url);
		const bar = page.getByRole('tablist').first();
		const tabs = bar.getByRole('tab');
		await expect(tabs).toHaveCount(4);

		const margins = await cardMargins(page);
		expect(margins.length).toBeGreaterThan(0);
		for (const { left, right } of margins) expect(Math.abs(left - right)).toBeLessThanOrEqual(1);

		// Chosen or not, first or last, each tab holds its words; the chosen one is shown whole.
		for (const tab of await tabs.all()) {
			await tapWhatShows(page, tab, bar);
			await expect(tab).toHaveAttribute('aria-selected', 'true');
			expect(await tabProblems(bar)).toEqual([]);
			expect(await wholeInRow(tab)).toBe(true);
		}
	});

	test(`${where} the confidence scale's words stay inside their points`, async ({
		app,
		browser
	}) => {
		const page = await phoneIn(browser, viewport, locale);
		await page.goto(`${app.url}/practice`);
		await expect(page.locator('.points .point')).toHaveCount(5);
		expect(await spilledPoints(page)).toEqual([]);
		expect(await scrollsSideways(page)).toBe(false);
	});

	test(`${where} a team name with a long word does not widen the team's pages`, async ({
		app,
		browser
	}) => {
		const team = await newTeam(app.url, LONG_TEAM_NAME);
		const page = await phoneIn(browser, viewport, locale);
		await page.goto(team.url);
		await expect(page.getByRole('heading', { level: 1, name: LONG_TEAM_NAME })).toBeVisible();
		expect(await scrollsSideways(page)).toBe(false);
		await page.goto(`${team.url}/retro`);
		await expect(page.getByRole('heading', { level: 1, name: /Entwicklungsteam/ })).toBeVisible();
		expect(await scrollsSideways(page)).toBe(false);
	});
}

test('long words typed into a playbook and a name stay inside their cards on a 320 px phone', async ({
	app,
	browser
}) => {
	const playbookId = await longWordedPlaybook(app.url, LONG.title);
	const page = await phoneIn(browser, NARROWEST, 'de-DE');

	// Each list that links the title: the library's cards, the team shelf's new playbooks.
	const listedTitle = page.locator(`li a[href$="/p/${playbookId}"]`);
	await page.goto(`${app.url}/?q=${encodeURIComponent(LONG.title)}`);
	await expect(listedTitle).toBeVisible();
	expect(await wordsOutside(page, 'main')).toEqual([]);
	expect(await scrollsSideways(page)).toBe(false);
	await page.goto((await newTeam(app.url, 'Support')).url);
	await expect(listedTitle).toBeVisible();
	expect(await wordsOutside(page, 'main')).toEqual([]);
	expect(await scrollsSideways(page)).toBe(false);

	await page.goto(`${app.url}/p/${playbookId}`);
	await expect(page.getByRole('heading', { level: 1, name: LONG.title })).toBeVisible();
	expect(await wordsOutside(page, 'main')).toEqual([]);
	expect(await scrollsSideways(page)).toBe(false);

	await page.goto(`${await newRoom(app.url, playbookId)}/summary`);
	await expect(page.getByRole('heading', { level: 1, name: LONG.title })).toBeVisible();
	expect(await scrollsSideways(page)).toBe(false);

	// A short title in the room: its heading is the room page's own, not fixed here.
	await page.goto(await newRoom(app.url, await longWordedPlaybook(app.url, 'Long words')));
	expect(await wordsOutside(page, 'form.join')).toEqual([]);
	await page.locator('#display-name').fill(LONG.person);
	await page.getByRole('radio', { name: new RegExp(LONG.role) }).check();
	await page.locator('form.join button[type="submit"]').click();
	await page.locator('section.gate button.primary').click();
	await expect(page.getByRole('heading', { level: 2, name: LONG.phase })).toBeVisible();
	expect(await wordsOutside(page, '.room')).toEqual([]);
	await page.locator('[data-section="people"]').click();
	await expect(page.locator('.room .person')).toContainText(LONG.person);
	expect(await wordsOutside(page, '.room')).toEqual([]);
});

/** How much darker (of 255) a shaded edge is drawn than a plain one: far past antialiasing. */
const SHADE = 12;
/** A colour's brightness: the mean of its red, green and blue. */
const brightness = ([red = 0, green = 0, blue = 0]: number[]) => (red + green + blue) / 3;

test('at 320 px in German the host’s tab bar shades the edge where more tabs wait, until it is scrolled there', async ({
	app,
	browser
}, testInfo) => {
	const page = await phoneIn(browser, NARROWEST, 'de-DE');
	await hostRoomIn(page, app.url);
	const bar = page.getByRole('tablist').first();
	await expect(bar.getByRole('tab')).toHaveCount(4);
	// The chosen tab is tinted: chosen in the middle, it stays clear of the ends measured.
	await bar.getByRole('tab').nth(1).tap();
	await expect(bar.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
	await bar.evaluate((row) => (row.scrollLeft = 0));
	const box = await bar.boundingBox();
	if (!box) throw new Error('the tab bar is not drawn');
	// Just inside each end, above the tabs' words, where the pill's curve has begun to open.
	const y = box.y + 9;
	const ends = async () => ({
		start: brightness(await pixelAt(page, box.x + 10, y)),
		end: brightness(await pixelAt(page, box.x + box.width - 10, y))
	});
	const picture = (name: string) =>
		page.screenshot({
			path: testInfo.outputPath(`tabs-${name}.png`),
			clip: { x: 0, y: box.y - 8, width: NARROWEST.width, height: box.height + 16 }
		});

	await picture('at-start');
	const atStart = await ends();
	expect(atStart.start - atStart.end).toBeGreaterThan(SHADE);
	await bar.evaluate((row) => (row.scrollLeft = row.scrollWidth));
	await picture('at-end');
	const atEnd = await ends();
	expect(atEnd.end - atEnd.start).toBeGreaterThan(SHADE);
});
