import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { waitFor } from '../support/wait';
import { expect, openPerson, test } from './fixtures';

/** The serious and critical accessibility problems axe finds on the page, by rule. */
async function accessibilityProblems(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => v.id);
}

const post = (url: string, body: unknown) =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});

/** A team link with three members sharing practice in two weeks, so its figures show (T2). */
async function teamWithFigures(appUrl: string): Promise<string> {
	const created = await post(`${appUrl}/api/teams`, { name: 'Support team' });
	expect(created.status).toBe(201);
	const { id } = (await created.json()) as { id: string };
	for (const sessions of [1, 2, 3]) {
		const shared = await post(`${appUrl}/api/teams/${id}/share`, {
			memberKey: randomBytes(16).toString('base64url'),
			weeks: [
				{ week: '2026-03-02', sessions, minutes: 20 * sessions, skills: { listening: sessions } },
				{ week: '2026-03-09', sessions: sessions + 1, minutes: 30, skills: { listening: 1 } }
			]
		});
		expect(shared.status).toBe(200);
	}
	return `${appUrl}/t/${id}`;
}

async function openTeam(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await expect(page.getByRole('heading', { name: 'Support team', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'This month’s challenge' })).toBeVisible();
}

/**
 * The circle keeps posts and "tried it" marks by the server's UTC month (T21), so a test that
 * straddled a month's end would rightly see them split between two months. A test cannot outlast
 * its timeout: when the month ends sooner than that, wait for it to turn first (the server keeps
 * this machine's clock), and every step then lands in one month, whenever the run starts.
 */
async function inOneMonth(): Promise<void> {
	const now = Date.now();
	const today = new Date(now);
	const monthEnd = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1);
	const info = test.info();
	if (monthEnd - now > info.timeout) return;
	info.setTimeout(info.timeout + (monthEnd - now));
	await waitFor(() => Date.now() >= monthEnd, 'the month to turn', monthEnd - now + 10_000);
}

const highlights = (page: Page) => page.getByRole('region', { name: /^Highlights of/ });

test('members post a highlight and a nomination, mark the challenge and pick a shelf playbook; everyone sees them', async ({
	app,
	browser
}) => {
	await inOneMonth();
	const url = await teamWithFigures(app.url);
	const [ana, ben, cy] = await Promise.all([
		openPerson(browser),
		openPerson(browser),
		openPerson(browser)
	]);
	for (const person of [ana, ben, cy]) await openTeam(person, url);

	// Ana thanks someone anonymously.
	await highlights(ana).getByLabel('Your story').fill('Thank you for the calm handover on Friday');
	await highlights(ana).getByRole('button', { name: 'Post to the team' }).click();
	await expect(highlights(ana).getByText('Thank you for the calm handover')).toBeVisible();

	// Ben nominates Cy under his own name.
	await highlights(ben)
		.getByRole('radio', { name: /Nominate a quiet contributor/ })
		.check();
	await highlights(ben).getByLabel('Who you nominate').fill('Dana');
	await highlights(ben)
		.getByLabel('Why they are ready')
		.fill('Asked the best question at stand-up');
	await highlights(ben)
		.getByLabel(/Your name \(leave empty/)
		.fill('Ben');
	await highlights(ben).getByRole('button', { name: 'Post to the team' }).click();
	await expect(highlights(ben).getByText('Nominated: Dana')).toBeVisible();

	// Ana and Cy tried the challenge; Ana cannot mark it twice.
	for (const person of [ana, cy]) {
		await person.getByRole('button', { name: 'I tried it' }).click();
		await expect(person.getByRole('button', { name: 'You tried it' })).toBeDisabled();
	}

	// Ben proposes a playbook for the shelf.
	const shelf = (page: Page) => page.getByRole('region', { name: 'Our shelf' });
	await shelf(ben).getByLabel('Propose a playbook').selectOption({ label: 'Five-Minute Win' });
	await shelf(ben).getByLabel('Your name', { exact: true }).fill('Ben');
	await shelf(ben).getByRole('button', { name: 'Propose' }).click();
	await expect(shelf(ben).getByText('proposed by Ben')).toBeVisible();

	for (const person of [ana, ben, cy]) {
		await person.reload();
		await expect(highlights(person).getByText('Thank you for the calm handover')).toBeVisible();
		await expect(highlights(person).getByText('— Anonymous')).toBeVisible();
		await expect(highlights(person).getByText('Nominated: Dana')).toBeVisible();
		await expect(highlights(person).getByText('— Ben')).toBeVisible();
		await expect(person.getByTestId('tried-count')).toHaveText('2 members tried it');
		await expect(shelf(person).getByRole('link', { name: 'Five-Minute Win' })).toBeVisible();
		await expect(shelf(person).getByText('proposed by Ben')).toBeVisible();
	}
	// Only the poster is offered to delete a post.
	await expect(highlights(cy).getByRole('button', { name: 'Delete my post' })).toHaveCount(0);
	await expect(highlights(ana).getByRole('button', { name: 'Delete my post' })).toHaveCount(1);
	expect(await accessibilityProblems(ana)).toEqual([]);

	await highlights(ana).getByRole('button', { name: 'Delete my post' }).click();
	await expect(highlights(ana).getByText('Thank you for the calm handover')).toHaveCount(0);
	await cy.reload();
	await expect(highlights(cy).getByText('Nominated: Dana')).toBeVisible();
	await expect(highlights(cy).getByText('Thank you for the calm handover')).toHaveCount(0);
});

test('the retro view shows three sharing members’ figures as trend lines with prompts, axe clean', async ({
	app,
	browser
}) => {
	const url = await teamWithFigures(app.url);
	const page = await openPerson(browser);
	await page.goto(`${url}/retro`);
	await expect(page.getByRole('heading', { name: 'Support team: our practice' })).toBeVisible();
	await expect(page.getByText('from 3 members sharing')).toBeVisible();
	await expect(page.getByRole('img', { name: /^Sessions per week/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /^Minutes per week/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Let’s talk about' })).toBeVisible();
	await expect(page.getByText('Practice went up last week. What made room for it?')).toBeVisible();
	expect(await accessibilityProblems(page)).toEqual([]);
});

test('a story posted in three lines keeps its lines, and a long word in it wraps on a 320 px phone', async ({
	app,
	browser
}) => {
	await inOneMonth();
	const url = await teamWithFigures(app.url);
	const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
	try {
		const page = await context.newPage();
		await openTeam(page, url);
		const lines = [
			'Monday: the handover went wrong.',
			'Tuesday: we talked it through.',
			'Wednesday: Kundenservicequalitätssicherungsmaßnahmen, finally calm.'
		];
		await highlights(page).getByLabel('Your story').fill(lines.join('\n'));
		await highlights(page).getByRole('button', { name: 'Post to the team' }).click();
		const story = highlights(page).getByText('Monday: the handover');
		await expect(story).toBeVisible();
		// Its line breaks as the person typed them (innerText is the text as drawn, without soft wraps).
		expect(await story.evaluate((element: HTMLElement) => element.innerText)).toBe(
			lines.join('\n')
		);
		// The long word wraps inside the post rather than running past it.
		expect(
			await story.evaluate((element) => {
				const post = element.closest('li')!.getBoundingClientRect();
				const range = document.createRange();
				range.selectNodeContents(element);
				return range.getBoundingClientRect().right <= post.right + 0.5;
			})
		).toBe(true);
		// The figures' charts fit inside their card too: nothing on the page sticks out sideways.
		const figures = page.getByRole('region', { name: 'The team’s practice' });
		expect(
			await figures.evaluate((card) => {
				const edge = card.getBoundingClientRect().right;
				return [...card.querySelectorAll('figure')].map(
					(chart) => chart.getBoundingClientRect().right <= edge
				);
			})
		).toEqual([true, true]);
		expect(
			await page.evaluate(
				() => document.documentElement.scrollWidth > document.documentElement.clientWidth
			)
		).toBe(false);
	} finally {
		await context.close();
	}
});
