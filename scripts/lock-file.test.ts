// The committed lock is what `npm install` keeps, on npm 10 (Node 20 and 22) as on npm 11
// (docs/operations.md, "npm ci and the lock file"; issue 14, item 3).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const lock = JSON.parse(
	readFileSync(join(import.meta.dirname, '../package-lock.json'), 'utf8')
) as {
	packages: Record<string, { libc?: unknown; optionalDependencies?: Record<string, string> }>;
};

test('no lock entry carries a libc field, which npm 10 drops on every install', () => {
	const withLibc = Object.entries(lock.packages)
		.filter(([, entry]) => entry.libc !== undefined)
		.map(([path]) => path);
	expect(
		withLibc,
		'remove the "libc" keys from package-lock.json (npm 11 adds them; npm 10 rewrites the lock without them)'
	).toEqual([]);
});

test('every optional dependency a lock entry names has an entry, or npm ci refuses the lock', () => {
	// npm install leaves out another platform's package that the registry does not have (it is
	// optional), yet npm ci counts the lock out of sync without it (@lix-js/sdk 0.17.0's darwin,
	// linux-arm64 and win32 builds).
	const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
		Object.keys(entry.optionalDependencies ?? {})
			.filter(
				(name) =>
					lock.packages[`${path}/node_modules/${name}`] === undefined &&
					lock.packages[`node_modules/${name}`] === undefined
			)
			.map((name) => `${path} → ${name}`)
	);
	expect(missing).toEqual([]);
});
