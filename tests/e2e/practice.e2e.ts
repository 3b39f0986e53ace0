import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { JournalEntry } from '../../src/lib/journal/entry';
import { reflection, sessionFacts } from '../../src/lib/journal/journal.fixture';
import { seedJournal } from '../support/journal-seed';
import { expect, openPerson, test } from './fixtures';

/**
 * A reflection on a session `daysAgo` calendar days ago, at this time of day, in a room of its
 * own. Counted on the calendar of the browser's zone (this machine's), not in steps of 24 hours:
 * across a clock change, 7 × 24 hours before Monday 00:30 is the Sunday before.
 */
function sessionDaysAgo(daysAgo: number, index: number): JournalEntry {
	const day = new Date();
	day.setDate(day.getDate() - daysAgo);
	const date = day.getTime();
	const roomId = `e2eroom${String(index).padStart(15, '0')}`;
	return {
		...reflection,
		id: `reflection-${roomId}`,
		createdAt: date + 60_000,
		updatedAt: date + 60_000,
		session: { ...sessionFacts, roomId, date, ratingsReceived: [3 + (index % 3)] }
	};
}

/** The serious and critical accessibility problems axe finds on the page, by rule. */
async function accessibilityProblems(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => v.id);
}

test('My practice: charts follow the journal as it is written, the pulse joins the trend lines', async ({
	app,
	browser
}) => {
	const page = await openPerson(browser);
	await page.goto(`${app.url}/practice`);
	await expect(page.getByRole('heading', { name: 'My practice' })).toBeVisible();
	await expect(page.getByText('Your first session starts your rhythm.')).toBeVisible();
	await expect(page.locator('[data-total="sessions"]')).toHaveText('0');

	// Three sessions in three different weeks land while the page is open.
	await seedJournal(page, [sessionDaysAgo(0, 1), sessionDaysAgo(7, 2), sessionDaysAgo(14, 3)]);
	await expect(page.locator('[data-total="sessions"]')).toHaveText('3');
	await expect(page.locator('[data-total="minutes"]')).toHaveText('60');
	const sessionsChart = page.getByRole('img', { name: /Sessions per week/ });
	await expect(sessionsChart).toHaveAccessibleName(/3 sessions in the last 12 weeks, in 3 weeks/);
	await expect(sessionsChart.locator('rect.bar')).toHaveCount(3);
	await expect(page.getByText(/3 weeks in a row, and counting/)).toBeVisible();
	await expect(
		page.getByRole('img', { name: /Felt-understanding ratings received/ })
	).toHaveAccessibleName(/3 ratings from/);
	await expect(page.locator('[data-badge="first-session"]')).toContainText('Earned');
	expect(await accessibilityProblems(page)).toEqual([]);

	// The text alternative lists the same weeks as a table.
	await page.getByText('Table: sessions per week').click();
	await expect(
		page.getByRole('table').filter({ hasText: 'Week of' }).first().locator('tbody tr')
	).toHaveCount(12);

	// The monthly pulse is written on the page and joins the confidence line at once.
	await page.getByRole('textbox').first().fill('Sam, after our talk about deadlines');
	await page.getByRole('radio', { name: /4/ }).check();
	await page.getByRole('button', { name: 'Save pulse' }).click();
	await expect(page.getByText('Pulse saved')).toBeVisible();
	await expect(page.getByRole('img', { name: /Confidence: listening/ })).toHaveAccessibleName(
		/Monthly pulse: 1 confidence rating: 4/
	);

	// A plan shows in the calendar and downloads as a recurring event with a reminder.
	await page.getByRole('button', { name: 'Save plan' }).click();
	await expect(page.getByText('Plan saved')).toBeVisible();
	await expect(page.locator('td li.deep-dive').first()).toContainText('Active Listening Sprint');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download calendar (.ics)' }).click()
	]);
	const ics = await (await download.createReadStream()).toArray();
	// Long lines of a calendar file are folded: a line break and a space continue them.
	const text = Buffer.concat(ics)
		.toString('utf8')
		.replaceAll(/\r\n[ \t]/g, '');
	expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;');
	expect(text).toContain('BEGIN:VALARM');
	expect(text).toContain(`${app.url}/practice/start/active-listening-sprint`);
	await page.context().close();
});

test('a calendar link starts a fresh room of its playbook', async ({ app, browser }) => {
	const page = await openPerson(browser);
	await page.goto(`${app.url}/practice/start/five-minute-win`);
	await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{22}$/);
	await expect(page.getByLabel('Your name')).toBeVisible();
	await page.context().close();
});

test('the team view hides figures until three members share, and again after one withdraws', async ({
	app,
	browser
}) => {
	const founder = await openPerson(browser);
	await founder.goto(`${app.url}/practice`);
	await founder.getByLabel('Team name').fill('Support team');
	await founder.getByRole('button', { name: 'Make a team link' }).click();
	await expect(founder).toHaveURL(/\/t\/[A-Za-z0-9_-]{22}$/);
	const teamUrl = founder.url();

	const members = [founder, await openPerson(browser), await openPerson(browser)];
	for (const [index, member] of members.entries()) {
		await member.goto(teamUrl);
		await seedJournal(member, [sessionDaysAgo(1, 10 + index)]);
		await expect(member.getByRole('region', { name: 'Your share' })).toContainText(
			'from your journal: 1 session, 20 minutes'
		);
	}

	const shareFrom = async (member: Page, sharing: number) => {
		await member.getByRole('button', { name: 'Share my counts' }).click();
		await expect(member.locator(`[data-sharing="${sharing}"]`)).toBeVisible();
	};
	await shareFrom(members[0]!, 1);
	await expect(members[0]!.getByText('2 more members are needed')).toBeVisible();
	await shareFrom(members[1]!, 2);
	await expect(members[1]!.getByText('1 more member is needed')).toBeVisible();
	await expect(members[1]!.locator('[data-total="sessions"]')).toHaveCount(0);
	await shareFrom(members[2]!, 3);
	await expect(members[2]!.locator('[data-total="sessions"]')).toHaveText('3');
	await expect(members[2]!.getByRole('img', { name: /Team sessions per week/ })).toBeVisible();
	expect(await accessibilityProblems(members[2]!)).toEqual([]);

	// The first member sees the figures too once they look again, then withdraws.
	await members[0]!.reload();
	await expect(members[0]!.locator('[data-total="minutes"]')).toHaveText('60');
	await members[0]!.getByRole('button', { name: 'Withdraw my share' }).click();
	await expect(members[0]!.getByText('1 more member is needed')).toBeVisible();
	await expect(members[0]!.locator('[data-total="sessions"]')).toHaveCount(0);
	for (const member of members) await member.context().close();
});
