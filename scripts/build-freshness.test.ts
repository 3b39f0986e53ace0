import { expect, test } from 'vitest';
import { BUILD_INPUTS, staleReason } from './build-freshness.js';

test('builds when there is no build yet', () => {
	expect(staleReason(undefined, 0)).toBe('no build yet');
});

test('builds when a source is newer than the build', () => {
	expect(staleReason(1_000, 1_001)).toBe('the sources changed since the last build');
});

test('keeps a build at least as new as every source', () => {
	expect(staleReason(1_000, 1_000)).toBeUndefined();
	expect(staleReason(1_000, 10)).toBeUndefined();
});

test('the inputs cover the app, the server, its build scripts and the dependencies', () => {
	for (const input of ['src', 'server', 'static', 'scripts/build-server.js', 'package-lock.json']) {
		expect(BUILD_INPUTS).toContain(input);
	}
});
