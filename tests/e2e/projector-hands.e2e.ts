import type { Locator, Page } from '@playwright/test';
import { expect, joinRoom, peopleClosedAfterEach, test } from './fixtures';
import { startRoomFromLibrary } from './start-room';

// An exploratory tester's finding: during a circle's round the side column (who speaks, who is
// next, raised hands, the QR code) was fuller than the screen, and the hands gave way to nothing.

const person = peopleClosedAfterEach();

/** The screens a venue's projector is likely to be: the layout is drawn in hundredths of 16:9. */
const SCREENS = [
	{ width: 1920, height: 1080 },
	{ width: 1280, height: 720 }
];

/** Where `locator` is drawn, failing the test if it is not drawn at all. */
async function boxOf(locator: Locator): Promise<{ top: number; bottom: number; height: number }> {
	const box = await locator.boundingBox();
	if (!box) throw new Error('not drawn');
	return { top: box.y, bottom: box.y + box.height, height: box.height };
}

/** Whether `element` shows all it holds: nothing of it cut by its own overflow. */
const showsWhole = (locator: Locator) =>
	locator.evaluate((element) => element.scrollHeight <= element.clientHeight + 1);

test('during a circle round the projector shows the raised hands in full above the QR code, at 1920×1080 and 1280×720', async ({
	app,
	browser
}, testInfo) => {
	const ana = await person(browser);
	const url = await startRoomFromLibrary(ana, app.url, 'listening-circle');
	await joinRoom(ana, 'Ana', 'Speaker');
	const others: Page[] = [];
	for (const name of ['Ben', 'Cy', 'Dee']) {
		const page = await person(browser);
		await page.goto(url);
		await joinRoom(page, name);
		others.push(page);
	}
	const link = await ana
		.getByRole('link', { name: 'Open the projector view in a new tab' })
		.getAttribute('href');
	const screen = await person(browser);
	await screen.goto(new URL(link!, url).href);
	await expect(screen.locator('[data-remaining-ms]')).toBeVisible();

	await others[0]!.getByRole('button', { name: 'Raise hand' }).click();
	await ana.getByRole('button', { name: 'Next phase' }).click();
	const side = screen.getByRole('complementary', { name: 'Who speaks, hands and how to join' });
	await expect(side.getByRole('heading', { name: 'Speaking now' })).toBeVisible();
	await expect(side.getByRole('listitem')).toHaveCount(4);

	const hands = side.locator('section').filter({ has: screen.getByText('Raised hands') });
	const join = side.locator('section').filter({ has: screen.getByText('Scan to join') });
	const heading = hands.getByRole('heading', { name: /Raised hands/ });
	/** At each screen size: every raised hand's name drawn whole, above the QR code's block. */
	async function expectHandsShown(names: string[]): Promise<void> {
		for (const viewport of SCREENS) {
			await screen.setViewportSize(viewport);
			const [headingBox, handsBox, joinBox, sideBox] = await Promise.all([
				boxOf(heading),
				boxOf(hands),
				boxOf(join),
				boxOf(side)
			]);
			// Drawn at the size of their words, not squeezed to a sliver.
			expect(headingBox.height).toBeGreaterThan(0.02 * viewport.height);
			expect(await showsWhole(hands)).toBe(true);
			for (const name of names) {
				const nameBox = await boxOf(hands.getByRole('listitem').filter({ hasText: name }));
				expect(nameBox.height).toBeGreaterThan(0.02 * viewport.height);
				expect(nameBox.bottom).toBeLessThanOrEqual(handsBox.bottom + 0.5);
			}
			// The hands' block ends above the QR code's, which ends inside the column.
			expect(handsBox.bottom).toBeLessThanOrEqual(joinBox.top + 0.5);
			expect(joinBox.bottom).toBeLessThanOrEqual(sideBox.bottom + 0.5);
			expect(await showsWhole(side)).toBe(true);
			await expect(join.getByRole('img', { name: /Join this room/ })).toBeInViewport({
				ratio: 1
			});
			await expect(join.getByText(new URL(url).host)).toBeInViewport({ ratio: 1 });
			// Counted, so a hand is never missed even where not every name fits.
			await expect(heading).toContainText(String(names.length));
			await screen.screenshot({
				path: testInfo.outputPath(`projector-${names.length}-${viewport.width}.png`)
			});
		}
	}

	await expectHandsShown(['Ben']);
	for (const page of others.slice(1)) {
		await page.getByRole('button', { name: 'Raise hand' }).click();
	}
	await expectHandsShown(['Ben', 'Cy', 'Dee']);
});
