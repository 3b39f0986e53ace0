import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, joinRoom, newRoom, openPerson, test } from './fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The journal page in a new tab of the same browser, so the room's tab stays open beside it. */
async function openJournal(person: Page, options: { at?: number } = {}): Promise<Page> {
	const journal = await person.context().newPage();
	if (options.at !== undefined) await journal.clock.setFixedTime(options.at);
	await journal.goto(new URL('/journal', person.url()).href);
	await expect(journal.getByRole('heading', { name: 'Journal', level: 1 })).toBeVisible();
	return journal;
}

/** The serious and critical accessibility problems axe finds on the page, by rule. */
async function accessibilityProblems(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => v.id);
}

const reflections = (page: Page) =>
	page.getByRole('region', { name: 'Reflections' }).getByRole('article');
const shoutOuts = (page: Page) =>
	page.getByRole('region', { name: 'Shout-outs received' }).getByRole('article');

test.describe.serial('the journal: reflections, follow-ups, shout-outs, export and import', () => {
	let ada: Page;
	let bo: Page;
	let exportPath: string;

	test.beforeAll(async ({ browser, app }) => {
		ada = await openPerson(browser);
		bo = await openPerson(browser);
		const url = await newRoom(app.url, 'five-minute-win');
		await ada.goto(url);
		await joinRoom(ada, 'Ada', 'Practiser');
		await bo.goto(url);
		await joinRoom(bo, 'Bo', 'Observer');
		// To the last step, the closing view: "One next step".
		for (const step of ['Step 2 of 3', 'Step 3 of 3']) {
			await ada.getByRole('button', { name: 'Next phase' }).click();
			for (const page of [ada, bo]) await expect(page.locator('[data-step]')).toContainText(step);
		}
	});
	test.afterAll(async ({ browser }) => {
		for (const context of browser.contexts()) await context.close();
	});

	test('a shout-out sent in one browser shows for both and lands in the other’s journal', async () => {
		const form = bo.getByRole('form', { name: 'Send a shout-out' });
		// The only peer is chosen already.
		await expect(form.getByLabel('To')).toHaveValue(/.+/);
		await form.getByLabel('What did they do that helped?').fill('You named <b>one</b> behaviour');
		await form.getByLabel(/kind under pressure/).check();
		await form.getByRole('button', { name: 'Send shout-out' }).click();
		await expect(
			bo.getByRole('status').filter({ hasText: 'Shout-out sent to Ada.' })
		).toBeVisible();
		for (const [page, to] of [
			[ada, 'you'],
			[bo, 'Ada']
		] as const) {
			const list = page.getByRole('region', { name: 'Shout-outs' }).getByRole('listitem');
			await expect(list).toHaveCount(1);
			await expect(list).toContainText(`Bo to ${to}`);
			// Markup in what people write shows as text.
			await expect(list).toContainText('You named <b>one</b> behaviour');
			await expect(list).toContainText('Kindness under pressure');
		}

		const journal = await openJournal(ada);
		await expect(shoutOuts(journal)).toHaveCount(1);
		await expect(shoutOuts(journal)).toContainText('Bo thanked you');
		await expect(shoutOuts(journal)).toContainText('You named <b>one</b> behaviour');
		await expect(shoutOuts(journal)).toContainText('Nominated for kindness under pressure');
		// Bo sent it and did not receive it.
		const bosJournal = await openJournal(bo);
		await expect(bosJournal.getByText('None yet.', { exact: false })).toBeVisible();
		await expect(shoutOuts(bosJournal)).toHaveCount(0);
		await journal.close();
		await bosJournal.close();
	});

	test('at the end of a session a reflection, pre-filled, goes into the journal', async () => {
		await ada.getByLabel('What will you do differently?').fill('Pause before answering');
		await ada.getByLabel('When?').fill('today');
		await ada.getByRole('button', { name: 'Write a reflection' }).click();
		const form = ada.getByRole('region', { name: 'Reflect on this session' });
		await expect(form.getByRole('heading', { name: 'Reflect on this session' })).toBeFocused();
		await expect(form).toContainText('Five-Minute Win');
		await expect(form).toContainText('Pause before answering · today');
		await expect(form.getByLabel('Skill practised')).toHaveValue('feedback');
		await form.getByLabel('Context').fill('Right after the planning meeting');
		await form.getByLabel('Action').fill('I named one behaviour');
		await form.getByLabel('Result').fill('Bo saw it too');
		await form.getByLabel('Feelings').fill('Lighter');
		await form.getByRole('button', { name: 'Save to my journal' }).click();
		await expect(form.getByText('Choose how confident you feel, from 1 to 5.')).toBeVisible();
		// The scale is a radio group the keyboard moves along.
		const scale = form.getByRole('group', { name: 'How confident do you feel in this skill now?' });
		await scale.getByRole('radio', { name: /^3/ }).focus();
		await ada.keyboard.press('ArrowRight');
		await expect(scale.getByRole('radio', { name: /^4/ })).toBeChecked();
		expect(await accessibilityProblems(ada)).toEqual([]);
		await form.getByRole('button', { name: 'Save to my journal' }).click();
		await expect(ada.getByRole('heading', { name: 'Saved in your journal' })).toBeFocused();

		const journal = await openJournal(ada);
		await expect(reflections(journal)).toHaveCount(1);
		const entry = reflections(journal).first();
		await expect(entry.getByRole('heading')).toContainText('Five-Minute Win');
		await expect(entry).toContainText('feedback: confidence 4 of 5 (Fairly)');
		await expect(entry).toContainText('Right after the planning meeting');
		await expect(entry).toContainText('Lighter');
		// The commitment waits for its day to pass.
		const followUps = journal.getByRole('region', { name: 'Follow-ups' });
		await expect(followUps).toContainText('Pause before answering');
		await expect(followUps).toContainText('We will ask how it went after');
		await journal.close();
	});

	test('once the commitment’s day has passed, the journal asks how it went', async () => {
		// Two days on: a day on is still the same day when it lasts 25 hours (clocks going back).
		const later = await openJournal(ada, { at: Date.now() + 2 * DAY_MS });
		const due = later.getByRole('region', { name: 'How did it go?' });
		await expect(due.getByRole('heading', { name: 'Pause before answering' })).toBeVisible();
		await due.getByRole('textbox', { name: 'How did it go?' }).fill('Paused twice; it helped');
		await due.getByLabel('I did it').check();
		await due.getByRole('button', { name: 'Save check-in' }).click();
		await expect(due).toBeHidden();
		await expect(later.getByRole('region', { name: 'Follow-ups' })).toContainText(
			'Done. Paused twice; it helped'
		);
		await later.close();
	});

	test('the journal exported as JSON and Markdown', async () => {
		const journal = await openJournal(ada);
		const [json] = await Promise.all([
			journal.waitForEvent('download'),
			journal.getByRole('button', { name: 'Export as JSON' }).click()
		]);
		expect(json.suggestedFilename()).toMatch(/^practice-journal-\d{4}-\d{2}-\d{2}\.json$/);
		exportPath = (await json.path())!;
		const file = JSON.parse(await readFile(exportPath, 'utf8')) as { entries: unknown[] };
		expect(file).toMatchObject({ format: 'practice-room-journal', version: 1 });
		// The reflection, the follow-up, the shout-out, and that Ada took part in the room.
		expect(file.entries).toHaveLength(4);
		expect(file.entries).toContainEqual(
			expect.objectContaining({ type: 'attended', roles: ['practiser'] })
		);

		const [markdown] = await Promise.all([
			journal.waitForEvent('download'),
			journal.getByRole('button', { name: 'Export as Markdown' }).click()
		]);
		const text = await readFile((await markdown.path())!, 'utf8');
		expect(text).toContain('## Reflections');
		expect(text).toContain('You named \\<b\\>one\\</b\\> behaviour');
		await journal.close();
	});

	test('imported in a fresh browser, the same entries, once; a bad file changes nothing', async ({
		browser
	}) => {
		const fresh = await openPerson(browser);
		await fresh.goto(new URL('/journal', ada.url()).href);
		const input = fresh.getByLabel('Journal export file to import');
		const status = fresh.getByRole('status').filter({ hasText: 'Imported' });

		await input.setInputFiles({
			name: 'notes.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"oops"')
		});
		await expect(fresh.getByRole('alert')).toContainText('This file is not JSON');
		await expect(reflections(fresh)).toHaveCount(0);

		await input.setInputFiles(exportPath);
		await expect(status).toHaveText('Imported: 4 new entries.');
		await expect(reflections(fresh)).toHaveCount(1);
		await expect(reflections(fresh)).toContainText('Right after the planning meeting');
		await expect(shoutOuts(fresh)).toContainText('You named <b>one</b> behaviour');
		await expect(fresh.getByRole('region', { name: 'Follow-ups' })).toContainText(
			'Paused twice; it helped'
		);

		await input.setInputFiles(exportPath);
		await expect(status).toHaveText('Imported: 0 new entries, 4 already here.');
		await expect(reflections(fresh)).toHaveCount(1);
		expect(await accessibilityProblems(fresh)).toEqual([]);

		await fresh.getByRole('button', { name: 'Delete everything…' }).click();
		await expect(fresh.getByText('Delete all 4 entries from this browser?')).toBeVisible();
		await fresh.getByRole('button', { name: 'Yes, delete everything' }).click();
		await expect(
			fresh.getByRole('status').filter({ hasText: 'Your journal is empty now.' })
		).toBeVisible();
		await expect(reflections(fresh)).toHaveCount(0);
		// Ada's own journal, in her own browser, is untouched.
		const hers = await openJournal(ada);
		await expect(reflections(hers)).toHaveCount(1);
	});
});
