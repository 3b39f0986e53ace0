import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, joinRoom, openPerson, test } from './fixtures';

const phaseOf = (page: Page) => page.locator('[data-step]');

/** Presses the forward move (Next phase, Start round…) once it has settled after the last move. */
async function moveOn(page: Page): Promise<void> {
	const forward = page.getByRole('button', { name: /^(Next phase|Start round)/ });
	await expect(forward).not.toHaveAttribute('aria-disabled', 'true');
	await forward.click();
}

/** Fails on serious or critical accessibility problems, naming each. */
async function expectAccessible(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(grave.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe.serial('a circle of four without a facilitator, and its projector', () => {
	const names = ['Ana', 'Ben', 'Cy', 'Dee'] as const;
	const pages: Page[] = [];
	const person = (index: number) => () => pages[index]!;
	const ana = person(0);
	const ben = person(1);
	const cy = person(2);
	const dee = person(3);

	test.beforeAll(async ({ browser }) => {
		for (let n = 0; n < names.length; n++) pages.push(await openPerson(browser));
	});
	test.afterAll(async () => {
		for (const page of pages) await page.context().close();
	});

	test('Ana starts a Listening Circle; the others join; a late one confirms the agreements first', async ({
		app
	}) => {
		await ana().goto(app.url);
		const card = ana().locator('[data-playbook="listening-circle"]');
		await card.getByRole('button', { name: 'Start a room' }).click();
		await ana().waitForURL(/\/r\/[A-Za-z0-9_-]{22}$/);
		const url = ana().url();
		await joinRoom(ana(), 'Ana', 'Speaker');
		await expect(ana().getByRole('heading', { name: 'You are the host' })).toBeVisible();
		for (const [index, name] of [
			[1, 'Ben'],
			[2, 'Cy']
		] as const) {
			await pages[index]!.goto(url);
			await joinRoom(pages[index]!, name);
		}
		await dee().goto(url);
		await joinRoom(dee(), 'Dee', undefined, { agree: false });
		await expect(dee().getByRole('heading', { name: 'Our agreements' })).toBeVisible();
		await expect(dee().locator('[data-step]')).toHaveCount(0);
		const status = ana().getByRole('region', { name: 'Agreements' });
		await expect(status).toContainText('Waiting for: Dee');
		await dee().getByRole('button', { name: 'I agree' }).click();
		await expect(status).toContainText('Everyone here has confirmed.');
		await expectAccessible(ana());
	});

	test('the rotation is the same on every screen and moves on each round', async () => {
		await moveOn(ana());
		for (const page of pages) {
			await expect(phaseOf(page)).toContainText('Round 1 of 4');
			await expect(
				page.getByText('This round · Ana: speaker · Ben: listener · Cy: observer · Dee: observer')
			).toBeVisible();
			await expect(page.getByText('Next: Ben speaks')).toBeVisible();
		}
		await expect(ben().getByRole('heading', { name: 'Your role: Listener' })).toBeVisible();
		await expect(cy().getByRole('heading', { name: 'Your role: Observer' })).toBeVisible();
		// Observers get a private notepad.
		await expect(cy().getByText('Only you can see this until you share it.')).toBeVisible();
		await expect(ben().getByText('Only you can see this until you share it.')).toHaveCount(0);
	});

	test('when all four are ready, the next phase starts by itself', async () => {
		for (const page of pages.slice(0, 3)) {
			await page.getByRole('button', { name: 'I’m ready to move on' }).click();
		}
		await expect(dee().getByText('waiting for Dee')).toBeVisible();
		await expect(phaseOf(dee())).toContainText('Step 2 of');
		await dee().getByRole('button', { name: 'I’m ready to move on' }).click();
		for (const page of pages) {
			await expect(page.getByRole('heading', { name: 'Reflect it back' })).toBeVisible();
		}
	});

	test('round two: Ben speaks, Cy listens', async () => {
		await moveOn(ben());
		await expect(phaseOf(ben())).toContainText('What the observers saw');
		await moveOn(ben());
		for (const page of pages) {
			await expect(phaseOf(page)).toContainText('Round 2 of 4');
			await expect(
				page.getByText('This round · Ben: speaker · Cy: listener · Dee: observer · Ana: observer')
			).toBeVisible();
		}
	});

	test('Pause for everyone shows on every screen until someone resumes', async () => {
		await cy().getByRole('button', { name: 'Pause for everyone' }).click();
		for (const page of pages) {
			await expect(page.getByRole('dialog', { name: 'Paused for everyone' })).toBeVisible();
		}
		await dee().getByRole('dialog').getByRole('button', { name: 'Resume' }).click();
		for (const page of pages) await expect(page.getByRole('dialog')).toHaveCount(0);
	});

	test('the host hands the role over; the new host locks phase control', async () => {
		await ana().getByLabel('Hand the host role to').selectOption({ label: 'Ben' });
		await ana().getByRole('button', { name: 'Hand over' }).click();
		await ana().getByRole('button', { name: 'Confirm' }).click();
		await expect(ben().getByRole('heading', { name: 'You are the host' })).toBeVisible();
		await expect(ana().getByText('Ben is hosting.')).toBeVisible();
		await ben().getByRole('checkbox', { name: 'Only I control phases and timer' }).check();
		await expect(ana().getByText('The host moves the phases.')).toBeVisible();
		await expect(ana().getByRole('button', { name: 'Next phase' })).toBeDisabled();
		await moveOn(ben());
		for (const page of pages) await expect(phaseOf(page)).toContainText('Step 6 of 14');
	});

	test('the projector view shows the timer and a QR code to join, read only', async ({
		browser
	}, testInfo) => {
		const link = await ana()
			.getByRole('link', { name: 'Open the projector view in a new tab' })
			.getAttribute('href');
		expect(link).toMatch(/\/projector#/);
		const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
		const screen = await context.newPage();
		await screen.goto(new URL(link!, ana().url()).href);
		await expect(screen.locator('[data-remaining-ms]')).toBeVisible();
		await expect(screen.getByRole('img', { name: /Join this room/ })).toBeVisible();
		await expect(screen.getByRole('heading', { name: 'Reflect it back' })).toBeVisible();
		// Nothing to scroll at 16:9.
		const scrolls = await screen.evaluate(
			() => document.documentElement.scrollHeight > window.innerHeight
		);
		expect(scrolls).toBe(false);
		await screen.screenshot({ path: testInfo.outputPath('projector-1920x1080.png') });
		await testInfo.attach('projector at 1920×1080', {
			path: testInfo.outputPath('projector-1920x1080.png'),
			contentType: 'image/png'
		});
		await expectAccessible(screen);
		// The projector follows the room.
		await moveOn(ben());
		await expect(screen.getByRole('heading', { name: 'What the observers saw' })).toBeVisible();
		await context.close();
	});
});
