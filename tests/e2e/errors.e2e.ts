import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppServer } from '../support/app-server';
import { startRedis } from '../support/redis-server';

// Issue 14, item 5: a page that fails is one JSON log line through the server's logger, a
// counted error, and a friendly page that says nothing of the error itself.

test('a forced page error is one JSON log line, a counted error and a friendly page', async ({
	page
}) => {
	const app = await AppServer.start({ captureOutput: true });
	try {
		// Storage that fails under the running server: the home page lists playbooks from this table.
		const db = new DatabaseSync(join(app.dataDir, 'practice-room.sqlite'));
		db.exec('DROP TABLE playbooks');
		db.close();

		const response = await page.goto(`${app.url}/`);
		expect(response?.status()).toBe(500);
		await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
		await expect(page.getByText('It has been noted; please try again in a moment.')).toBeVisible();
		await expect(page.getByText('no such table')).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Go to the playbooks' })).toBeVisible();

		const metrics = await (await fetch(`${app.url}/metrics`)).text();
		expect(metrics).toMatch(/^practice_room_errors_total\{kind="page"\} 1$/m);
		const failures = app.output.filter((line) => line.includes('page failed'));
		expect(failures).toHaveLength(1);
		expect(JSON.parse(failures[0]!)).toMatchObject({
			level: 50,
			area: 'pages',
			method: 'GET',
			path: '/',
			status: 500,
			err: { message: expect.stringContaining('no such table') }
		});
		// Nothing else about it on either stream, in JSON or not (SvelteKit prints none of its own).
		expect(app.output.filter((line) => line.includes('no such table'))).toEqual(failures);
	} finally {
		await app.dispose();
	}
});

test('with Redis down a page answers 503 at once with plain words, logged and counted', async ({
	page
}) => {
	test.skip(Boolean(process.env.REDIS_URL), 'an external Redis cannot be stopped by the test');
	const redis = await startRedis();
	const app = await AppServer.start({ captureOutput: true, env: { REDIS_URL: redis.url } });
	try {
		await redis.stop();
		const started = Date.now();
		const response = await page.goto(`${app.url}/`);
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(response?.status()).toBe(503);
		await expect(
			page.getByText('The server cannot reach its storage just now. Try again in a moment.')
		).toBeVisible();
		const metrics = await (await fetch(`${app.url}/metrics`)).text();
		expect(metrics).toMatch(/^practice_room_errors_total\{kind="unavailable"\} 1$/m);
		const failures = app.output.filter((line) => line.includes('page failed'));
		expect(failures.map((line) => JSON.parse(line) as unknown)).toEqual([
			expect.objectContaining({ level: 50, area: 'pages', dependency: 'redis' })
		]);
	} finally {
		await app.dispose();
	}
});

test('an address with no page and a method a page does not take leave the JSON log as it was', async () => {
	const app = await AppServer.start({ captureOutput: true });
	try {
		const missing = await fetch(`${app.url}/no/such/page`);
		expect(missing.status).toBe(404);
		expect(await missing.text()).toContain('There is nothing at this address.');
		expect((await fetch(`${app.url}/`, { method: 'PUT' })).status).toBe(405);
		// The next request's answer: the ones above have been handled (and logged, had they been).
		expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

		// Without a handleError of ours, SvelteKit prints `[404] GET /no/such/page` in red with
		// console.error: plain text on standard output, or a console line naming the address.
		for (const line of app.output) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
		expect(app.output.join('\n')).not.toContain('/no/such/page');
		const metrics = await (await fetch(`${app.url}/metrics`)).text();
		expect(metrics).not.toMatch(/^practice_room_errors_total\{kind="page"\} [1-9]/m);
	} finally {
		await app.dispose();
	}
});
