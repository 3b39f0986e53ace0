// When `npm start` has to build first: pure rules, no I/O (build-if-stale.js reads the files).
import { createHash } from 'node:crypto';

/**
 * What the build is made from, relative to the project: a change to any file under these means
 * building again. tests/integration/build-if-stale.test.ts checks that every project file the
 * server bundle is made from is here.
 */
export const BUILD_INPUTS = [
	'src',
	'server',
	'static',
	'scripts/build-server.js',
	// server/entry.ts bundles it: the Node version build/main.js asks for.
	'scripts/node-runtime.js',
	'svelte.config.js',
	'vite.config.ts',
	// vite.config.ts reads them: how the messages compile, and the pseudo-locale check's variant.
	'scripts/paraglide-options.js',
	'scripts/pseudo-locale.js',
	// The messages the build compiles into src/lib/paraglide (itself left out: every compile
	// rewrites it, so it would count as a change to the sources on every start). Not
	// project.inlang/settings.json: the compiler touches it on a fresh clone's first build, and a
	// language added there comes with its own files in messages/.
	'messages',
	'tsconfig.json',
	'package.json',
	'package-lock.json'
];

/** Under an input, what the build itself writes: not an input. */
export const GENERATED_INPUTS = ['src/lib/paraglide'];

/** The file a build writes last (scripts/build-server.js): without it there is no build. */
export const BUILD_STAMP = 'build/main.js';

/** Where a build records the {@link inputsFingerprint} of the inputs it was made from. */
export const INPUTS_RECORD = 'build/.inputs';

/** One input file as the fingerprint sees it. */
/** @typedef {{ path: string; size: number; mtimeMs: number }} InputFile */

/**
 * One value for the inputs' paths, sizes and modification times. Compared for equality, not
 * order: a file replaced by a copy with an older time (a release tarball unpacked over the last,
 * `cp -p`, `rsync -a`) changes it as much as an edit does, and so does a file added or removed.
 * @param {InputFile[]} files
 */
export function inputsFingerprint(files) {
	const lines = files
		.map(({ path, size, mtimeMs }) => `${path}\t${size}\t${mtimeMs}`)
		.sort()
		.join('\n');
	return createHash('sha256').update(lines).digest('hex');
}

/**
 * Why the build must be made again, or undefined when it is up to date.
 * @param {string | undefined} recorded the fingerprint the build recorded ('' for a build that
 *   recorded none); undefined: there is no build
 * @param {string} current the inputs' fingerprint now
 * @returns {'no build yet' | 'the sources changed since the last build' | undefined}
 */
export function staleReason(recorded, current) {
	if (recorded === undefined) return 'no build yet';
	if (recorded !== current) return 'the sources changed since the last build';
	return undefined;
}
