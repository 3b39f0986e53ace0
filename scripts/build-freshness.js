// When `npm start` has to build first: pure rules, no I/O (build-if-stale.js reads the files).

/**
 * What the build is made from, relative to the project: a change to any file under these
 * (newer than the build) means building again.
 */
export const BUILD_INPUTS = [
	'src',
	'server',
	'static',
	'scripts/build-server.js',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json',
	'package-lock.json'
];

/** The file a build writes last (scripts/build-server.js): its time is the build's time. */
export const BUILD_STAMP = 'build/main.js';

/**
 * Why the build must be made again, or undefined when it is up to date.
 * @param {number | undefined} builtAtMs when the build was made; undefined: there is none
 * @param {number} newestInputMs the newest modification time among the build's inputs
 * @returns {'no build yet' | 'the sources changed since the last build' | undefined}
 */
export function staleReason(builtAtMs, newestInputMs) {
	if (builtAtMs === undefined) return 'no build yet';
	if (newestInputMs > builtAtMs) return 'the sources changed since the last build';
	return undefined;
}
