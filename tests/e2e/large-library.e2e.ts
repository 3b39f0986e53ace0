import { createSqlitePlaybookStore } from '../../server/playbooks/sqlite-playbook-store';
import { inTransaction, openSqlite } from '../../server/storage/sqlite';
import { AppServer } from '../support/app-server';
import { seedPlaybooks } from '../support/seed-playbooks';
import { expect, openPerson, test } from './fixtures';

const BUILT_IN_COUNT = 9;
const STORED = 10_000;

// Its own server: 10,000 playbooks in the shared one would change what the other specs find.
let app: AppServer;
test.beforeAll(async () => {
	app = await AppServer.start();
	// Into the running server's database, as saves from many addresses would have put them.
	const db = openSqlite(app.dataDir);
	inTransaction(db, () => void seedPlaybooks(createSqlitePlaybookStore(db), STORED));
	db.close();
});
test.afterAll(() => app.dispose());

test('[C5] with 10,000 community playbooks the home page shows one small page of them, and pages forward, back and to the oldest', async ({
	browser
}) => {
	const page = await openPerson(browser);
	const total = BUILT_IN_COUNT + STORED;
	const home = await page.goto(app.url);
	expect((await home?.body())?.length).toBeLessThan(100 * 1024);
	await expect(page.getByText(`Showing 1–24 of ${total} playbooks`)).toBeVisible();
	await expect(page.locator('[data-playbook]')).toHaveCount(24);
	await expect(page.locator(`[data-playbook="seeded-${STORED - 1}"]`)).toBeVisible();

	const pager = page.getByRole('navigation', { name: 'Pages of the library' });
	await pager.getByRole('link', { name: 'Next page' }).click();
	await expect(page).toHaveURL(/\?page=2$/);
	await expect(page.getByText(`Showing 25–48 of ${total} playbooks`)).toBeVisible();
	await expect(page.locator('[data-playbook]')).toHaveCount(24);
	await pager.getByRole('link', { name: 'Previous page' }).click();
	await expect(page.getByText(`Showing 1–24 of ${total} playbooks`)).toBeVisible();

	// The oldest is alone on the last page, with no next page after it.
	const last = Math.ceil(total / 24);
	await page.goto(`${app.url}/?page=${last}`);
	await expect(page.locator('[data-playbook]')).toHaveCount(1);
	await expect(page.locator('[data-playbook="seeded-0"]')).toBeVisible();
	await expect(pager.getByRole('link', { name: 'Next page' })).toHaveCount(0);
	await page.context().close();
});
