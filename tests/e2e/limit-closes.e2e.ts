import type { WebSocketRoute } from '@playwright/test';
import { CLOSE_WORDS } from '../../src/lib/client/doc-close';
import {
	CLOSE_POLICY_VIOLATION,
	CLOSE_TOO_BIG,
	LIMIT_CLOSE_REASONS
} from '../../src/lib/protocol/doc-close';
import { expect, newRoom, openPerson, test } from './fixtures';

// A limit's close of the document connection (1008, 1009) reaches the person in its own words,
// though the stock provider reconnects after it and emits no `closed` event for it. The close
// is the server's as the browser receives it: the page's connection is routed through the test.

const CLOSES = [
	[CLOSE_POLICY_VIOLATION, LIMIT_CLOSE_REASONS.tooManyMessages, CLOSE_WORDS.tooMany()],
	[CLOSE_POLICY_VIOLATION, LIMIT_CLOSE_REASONS.missingChanges, CLOSE_WORDS.outOfStep()],
	[CLOSE_POLICY_VIOLATION, LIMIT_CLOSE_REASONS.serverClientId, CLOSE_WORDS.refusedWrite()],
	[CLOSE_TOO_BIG, LIMIT_CLOSE_REASONS.awarenessTooLarge, CLOSE_WORDS.presenceTooLarge()]
] as const;

for (const [code, reason, words] of CLOSES) {
	test(`a ${code} close “${reason}” is told as: ${words}`, async ({ app, browser }) => {
		const url = await newRoom(app.url, 'active-listening-sprint');
		const page = await openPerson(browser);
		const routes: WebSocketRoute[] = [];
		await page.routeWebSocket(/\/yjs\//, (route) => {
			route.connectToServer();
			routes.push(route);
		});
		await page.goto(url);
		await expect(page.getByLabel('Your name')).toBeVisible();
		await expect.poll(() => routes.length).toBeGreaterThan(0);
		await routes.at(-1)!.close({ code, reason });
		await expect(page.getByRole('alert')).toHaveText(words);
	});
}
