// The committed lock is what `npm install` keeps, on npm 10 (Node 20 and 22) as on npm 11
// (docs/operations.md, "npm ci and the lock file"; issue 14, item 3).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const lock = JSON.parse(
	readFileSync(join(import.meta.dirname, '../package-lock.json'), 'utf8')
) as {
	packages: Record<string, { libc?: unknown }>;
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
