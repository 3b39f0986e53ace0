import { expect, test } from 'vitest';
import { BUILD_INPUTS, inputsFingerprint, staleReason } from './build-freshness.js';

const files = [
	{ path: 'src/app.html', size: 300, mtimeMs: 2_000 },
	{ path: 'server/main.ts', size: 1_200, mtimeMs: 1_000 }
];

test('builds when there is no build yet', () => {
	expect(staleReason(undefined, inputsFingerprint(files))).toBe('no build yet');
});

test('keeps a build made from the same inputs, listed in any order', () => {
	expect(staleReason(inputsFingerprint(files), inputsFingerprint([...files].reverse()))).toBe(
		undefined
	);
});

test('builds when a source changed, even to an older time, or was added or removed', () => {
	const built = inputsFingerprint(files);
	const changed = (to: typeof files) => staleReason(built, inputsFingerprint(to));
	const reason = 'the sources changed since the last build';
	expect(changed([{ ...files[0]!, mtimeMs: 3_000 }, files[1]!])).toBe(reason);
	expect(changed([{ ...files[0]!, mtimeMs: 500 }, files[1]!])).toBe(reason);
	expect(changed([{ ...files[0]!, size: 301 }, files[1]!])).toBe(reason);
	expect(changed([files[0]!])).toBe(reason);
	expect(changed([...files, { path: 'src/new.ts', size: 0, mtimeMs: 1 }])).toBe(reason);
});

test('builds when the build recorded no inputs (made before they were recorded)', () => {
	expect(staleReason('', inputsFingerprint(files))).toBe(
		'the sources changed since the last build'
	);
});

test('the inputs cover the app, the server, its build scripts and the dependencies', () => {
	for (const input of ['src', 'server', 'static', 'scripts/build-server.js', 'package-lock.json']) {
		expect(BUILD_INPUTS).toContain(input);
	}
});
