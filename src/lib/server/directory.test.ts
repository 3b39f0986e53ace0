import { isHttpError } from '@sveltejs/kit';
import { afterEach, describe, expect, test } from 'vitest';
import { readFilters } from '../playbooks/filters';
import { COMMUNITY_WORDS } from '../protocol/community';
import { directory } from './directory';
import {
	LIBRARY_BUSY_ERROR_NAME,
	provideDirectory,
	providedDirectory,
	type Directory
} from './handover';

const before = providedDirectory();
afterEach(() => {
	if (before) provideDirectory(before);
});

/** A directory whose library page fails with `failure`. */
function failingWith(failure: Error): Directory {
	const never = () => Promise.reject(new Error('not used'));
	return {
		getRoom: never,
		findPlaybook: never,
		roomPlaybook: never,
		libraryPage: () => Promise.reject(failure),
		countPlaybooks: never,
		teamExists: never,
		communityPublishing: true
	};
}

describe('the directory pages read', () => {
	test('[C5] a search refused because too many are waiting is a 503 page with the API’s words', async () => {
		// As server/playbooks/scan-slots.ts throws it, from the server's own module graph.
		provideDirectory(
			failingWith(Object.assign(new Error('full'), { name: LIBRARY_BUSY_ERROR_NAME }))
		);
		const page = directory().libraryPage(readFilters(new URLSearchParams('q=x')), {
			offset: 0,
			limit: 24
		});
		const failure: unknown = await page.catch((error: unknown) => error);
		expect(isHttpError(failure) && failure.status).toBe(503);
		expect(isHttpError(failure) && failure.body.message).toBe(COMMUNITY_WORDS.busy);
	});

	test('any other failure is left as it is', async () => {
		provideDirectory(failingWith(new Error('a bug')));
		const page = directory().libraryPage(readFilters(new URLSearchParams()), {
			offset: 0,
			limit: 24
		});
		await expect(page).rejects.toThrow('a bug');
	});
});
