import { afterEach } from 'vitest';

/** Things a test opened (clients, servers), closed after it in reverse order. */
export type Cleanups = (() => unknown)[];

/** Runs and empties `cleanups`, the last opened first. */
export async function runCleanups(cleanups: Cleanups): Promise<void> {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** A list to push cleanups onto; it is run after each test of the file. */
export function cleanupsAfterEach(): Cleanups {
	const cleanups: Cleanups = [];
	afterEach(() => runCleanups(cleanups));
	return cleanups;
}
