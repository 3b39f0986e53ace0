// Which Node the project runs on: pure rules, shared by the install step, npm start and the
// server's entry point. Plain JavaScript any Node from 20 up can run, so an old Node gets a
// sentence instead of a stack trace.

/** The oldest Node the project runs on: `node:sqlite` without a flag arrived in 22.13. */
export const MINIMUM_NODE = '22.13.0';

/** The major version fetched through npm when the machine's Node is older: the current LTS. */
export const FETCHED_NODE_MAJOR = 24;

/**
 * The numbers of a Node version (`v20.20.2` or `22.13.0`); missing parts count as 0.
 * @param {string} version
 * @returns {[number, number, number]}
 */
export function parseVersion(version) {
	const parts = version.replace(/^v/, '').split('.');
	/** @param {number} i */
	const part = (i) => {
		const n = Number.parseInt(parts[i] ?? '0', 10);
		return Number.isNaN(n) ? 0 : n;
	};
	return [part(0), part(1), part(2)];
}

/**
 * Whether `version` is `minimum` or newer.
 * @param {string} version
 * @param {string} [minimum]
 */
export function isAtLeast(version, minimum = MINIMUM_NODE) {
	const have = parseVersion(version);
	const need = parseVersion(minimum);
	for (let i = 0; i < 3; i += 1) {
		const a = have[i] ?? 0;
		const b = need[i] ?? 0;
		if (a !== b) return a > b;
	}
	return true;
}

/**
 * The first Node 23 with `node:sqlite` unflagged: 23.0 to 23.3, though newer than 22.13, need
 * the flag and would fail with a stack trace on the embedded store's import.
 */
export const MINIMUM_NODE_23 = '23.4.0';

/**
 * Whether the project runs on Node `version`: 22.13 or newer, and 23.4 or newer within 23.
 * @param {string} version
 */
export function runsProject(version) {
	if (parseVersion(version)[0] === 23) return isAtLeast(version, MINIMUM_NODE_23);
	return isAtLeast(version, MINIMUM_NODE);
}

/**
 * The sentence for a Node too old to run the project, naming what to do.
 * @param {string} version
 */
export function tooOldMessage(version) {
	const within23 = parseVersion(version)[0] === 23 ? ` (within Node 23: ${MINIMUM_NODE_23})` : '';
	return (
		`Practice Room needs Node ${MINIMUM_NODE} or newer${within23}, and this is Node ${version}. ` +
		`Run \`npm install\` in the project (it fetches Node ${FETCHED_NODE_MAJOR} through npm ` +
		`for the project's scripts) or install Node ${FETCHED_NODE_MAJOR}.`
	);
}

/**
 * What went wrong in a failed `npm install`, in a word or a line: npm's error code (ENOTCACHED,
 * ECONNREFUSED, E404…) or else the first line it printed, never its stack or its log's path.
 * @param {string} output what npm printed
 */
export function npmFailureReason(output) {
	const code = /npm (?:error|ERR!) code (\S+)/.exec(output)?.[1];
	if (code !== undefined) return code;
	const first = output
		.split('\n')
		.map((line) => line.replace(/^npm (?:error|ERR!)\s*/, '').trim())
		.find((line) => line !== '');
	return first === undefined ? 'no output' : first.slice(0, 120);
}

/**
 * The sentence when Node could not be fetched: the install goes on (the project's own files are
 * in place), and `npm start` will say the same until Node is there.
 * @param {string} version the machine's Node
 * @param {string} reason from {@link npmFailureReason}
 */
export function fetchFailedMessage(version, reason) {
	return (
		`Practice Room needs Node ${MINIMUM_NODE} or newer and this is Node ${version}; ` +
		`fetching Node ${FETCHED_NODE_MAJOR} through npm failed (${reason}). The install goes on: ` +
		`run npm install again when online, or install Node ${FETCHED_NODE_MAJOR} LTS, before npm start.`
	);
}
