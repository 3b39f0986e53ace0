// Runs after `npm install` (package.json: postinstall). When the machine's Node is older than the
// project needs, fetches a Node 24 LTS through npm (the `node` package, once, into a cache
// folder) and links it as node_modules/.bin/node. npm puts node_modules/.bin first on the PATH
// of every npm script, so `npm start`, `npm test`, `npm run dev` and the tools they start
// (vite, vitest, Playwright's web server) all run on it. docs/operations.md says why.
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	FETCHED_NODE_MAJOR,
	fetchFailedMessage,
	MINIMUM_NODE,
	npmFailureReason,
	runsProject
} from './node-runtime.js';

const project = dirname(dirname(fileURLToPath(import.meta.url)));
const shim = join(project, 'node_modules', '.bin', 'node');

/** Where the fetched Node lives: shared by every clone on the machine. */
const home =
	process.env.PRACTICE_ROOM_NODE_HOME ||
	join(
		process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
		'practice-room',
		`node-${FETCHED_NODE_MAJOR}`
	);
const fetched = join(home, 'node_modules', 'node', 'bin', 'node');

/** @param {string} binary */
function versionOf(binary) {
	try {
		return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		return undefined;
	}
}

/** Removes a link this script made earlier (the machine's Node is new enough now). */
function removeOurShim() {
	try {
		if (lstatSync(shim).isSymbolicLink() && readlinkSync(shim) === fetched) rmSync(shim);
	} catch {
		// No link: nothing to remove.
	}
}

// The Node that runs npm, not the one running this script: once the link exists, npm's PATH
// finds the fetched Node first.
const machine =
	(process.env.npm_node_execpath && versionOf(process.env.npm_node_execpath)) || process.version;

if (runsProject(machine)) {
	removeOurShim();
	process.exit(0);
}

if (process.platform === 'win32') {
	console.log(
		`Practice Room needs Node ${MINIMUM_NODE} or newer and this is Node ${machine}: ` +
			`install Node ${FETCHED_NODE_MAJOR} LTS from https://nodejs.org.`
	);
	process.exit(1);
}

let version = versionOf(fetched);
if (version === undefined || !runsProject(version)) {
	mkdirSync(home, { recursive: true });
	// The outer install's own settings (its prefix, what it saves or omits) are not for this one.
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) =>
				!/^npm_config_(local_prefix|prefix|global|save|save_\w+|omit|include|production|only|dry_run|legacy_peer_deps|ignore_scripts|workspaces?)$/i.test(
					key
				)
		)
	);
	const npm = process.env.npm_execpath;
	const result = spawnSync(
		npm ? process.execPath : 'npm',
		[
			...(npm ? [npm] : []),
			'install',
			'--prefix',
			home,
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			`node@${FETCHED_NODE_MAJOR}`
		],
		{ env, encoding: 'utf8' }
	);
	version = versionOf(fetched);
	if (result.status !== 0 || version === undefined) {
		// One sentence, not npm's error dump: the install itself has done its job, and failing it
		// would leave no node_modules at all (npm start then says what to do, in one sentence too).
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`;
		console.log(fetchFailedMessage(machine, npmFailureReason(output)));
		process.exit(0);
	}
}

rmSync(shim, { force: true });
mkdirSync(dirname(shim), { recursive: true });
symlinkSync(fetched, shim);
console.log(
	`Practice Room needs Node ${MINIMUM_NODE} or newer and this machine has ${machine}, ` +
		`so its npm scripts run on Node ${version} fetched through npm (kept in ${home}).`
);
