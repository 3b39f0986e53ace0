import type { Page } from '@playwright/test';
import { expect, joinRoom, openPerson, test } from './fixtures';
import { expectAccessible } from './axe';
import { startRoomFromLibrary } from './start-room';

const box = async (page: Page, selector: string) => {
	const found = await page.locator(selector).boundingBox();
	if (!found) throw new Error(`${selector} is not on the page`);
	return found;
};

test.describe.serial('loose ends of the room, with a host and a participant', () => {
	let ana: Page;
	let ben: Page;
	let roomUrl: string;

	test.beforeAll(async ({ browser }) => {
		ana = await openPerson(browser);
		ben = await openPerson(browser);
	});
	test.afterAll(async () => {
		await ana.context().close();
		await ben.context().close();
	});

	test('before the agreements are confirmed, the timer and hands wait, and say why', async ({
		app
	}) => {
		roomUrl = await startRoomFromLibrary(ana, app.url, 'active-listening-sprint');
		await joinRoom(ana, 'Ana', 'Speaker');
		await ben.goto(roomUrl);
		await joinRoom(ben, 'Ben', 'Listener', { agree: false });

		await expect(ben.getByRole('heading', { name: 'Our agreements' })).toBeFocused();
		for (const name of ['Start', '+1 min', 'Raise hand']) {
			const button = ben.getByRole('button', { name, exact: true });
			await expect(button).toBeDisabled();
			await expect(button).toHaveAccessibleDescription(
				'Available once you have confirmed the agreements.'
			);
		}
		await expectAccessible(ben);
		await ben.getByRole('button', { name: 'I agree' }).click();
		for (const name of ['Start', '+1 min', 'Raise hand'])
			await expect(ben.getByRole('button', { name, exact: true })).toBeEnabled();
	});

	test('one filled primary button on the screen, and the side column level with the phase', async () => {
		for (const page of [ana, ben]) {
			const primaries = page.locator('button.primary:visible, a.button.primary:visible');
			await expect(primaries).toHaveCount(1);
			await expect(primaries).toHaveText('Next phase →');
			const phase = await box(page, '[data-step]');
			const side = await box(page, 'aside.side > :first-child');
			expect(Math.abs(phase.y - side.y)).toBeLessThan(2);
			// The projector card ends at its buttons: no blank strip under them.
			const projector = page.getByRole('region', { name: 'Projector view' });
			const cardBox = await projector.boundingBox();
			const buttons = await projector
				.getByRole('button', { name: 'Copy projector link' })
				.boundingBox();
			expect(cardBox!.y + cardBox!.height - (buttons!.y + buttons!.height)).toBeLessThan(28);
		}
	});

	test('who hosts reads as two sentences when the host holds the controls', async () => {
		await ana.getByRole('checkbox', { name: 'Only I control phases and timer' }).check();
		await expect(ben.getByRole('status').filter({ hasText: 'hosting' })).toHaveText(
			'Ana is hosting. Phases and timer are controlled by the host.'
		);
	});

	test('the projector: the timer fills its half, a large QR code with "Scan to join" on it', async ({
		browser
	}) => {
		const link = await ana
			.getByRole('link', { name: 'Open the projector view in a new tab' })
			.getAttribute('href');
		const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
		const screen = await context.newPage();
		await screen.goto(new URL(link!, roomUrl).href);
		await expect(screen.locator('[data-remaining-ms]')).toBeVisible();
		const qr = await box(screen, '.join .code');
		expect(qr.height).toBeGreaterThanOrEqual(0.4 * 1080);
		const heading = await box(screen, '.join h2');
		expect(qr.y - (heading.y + heading.height)).toBeLessThan(30);
		expect(heading.x).toBeCloseTo(qr.x, 0);
		const timer = await screen.locator('[data-remaining-ms]').evaluate((element) => {
			const range = document.createRange();
			range.selectNodeContents(element);
			return range.getBoundingClientRect().width;
		});
		const stage = await box(screen, '.stage');
		expect(timer).toBeGreaterThan(0.7 * stage.width);
		await expectAccessible(screen);
		await context.close();
	});

	test('an erased room offers no room link and says so once', async () => {
		await ana.getByRole('button', { name: 'End and erase the room', exact: true }).click();
		await ana.getByRole('button', { name: 'Erase now', exact: true }).click();
		for (const page of [ana, ben]) {
			const heading = page.getByRole('heading', { name: 'This room has been erased' });
			await expect(heading).toBeVisible();
			await expect(page.getByRole('button', { name: 'Copy room link' })).toHaveCount(0);
			await expect(page.getByText('This room has been erased', { exact: false })).toHaveCount(1);
		}
		// Focused from script, for screen readers: no hard black box around the heading.
		await expect(ben.getByRole('heading', { name: 'This room has been erased' })).toBeFocused();
		await expect(ben.getByRole('heading', { name: 'This room has been erased' })).toHaveCSS(
			'outline-style',
			'none'
		);
		await expectAccessible(ben);
	});

	test('an address under a room that does not exist shows the friendly page', async ({ app }) => {
		const id = new URL(roomUrl).pathname.split('/')[2];
		await ben.goto(`${app.url}/r/${id}xyz/extra`);
		await expect(ben.getByRole('heading', { name: 'We could not find that room' })).toBeVisible();
		await expect(ben.getByText('Not Found', { exact: true })).toHaveCount(0);
		await expectAccessible(ben);
	});
});
