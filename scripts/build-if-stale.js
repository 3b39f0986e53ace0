// Builds the app when the build is missing or older than its sources (build-freshness.js),
// quietly: the bundlers' output is shown only when the build fails.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_INPUTS, BUILD_STAMP, staleReason } from './build-freshness.js';

const project = dirname(dirname(fileURLToPath(import.meta.url)));

/** @param {string} path */
function mtimeOf(path) {
	try {
		return statSync(path).mtimeMs;
	} catch {
		return undefined;
	}
}

/**
 * The newest modification time of a file or of any file under a folder.
 * @param {string} path
 * @returns {number}
 */
function newestUnder(path) {
	let stat;
	try {
		stat = statSync(path);
	} catch {
		return 0;
	}
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, entry)));
	return newest;
}

/**
 * Runs `npm run build` with its output kept back unless it fails.
 * @returns {Promise<{ ok: boolean; output: string }>}
 */
function runBuild() {
	const npm = process.env.npm_execpath;
	const child = spawn(
		npm ? process.execPath : 'npm',
		[...(npm ? [npm] : []), 'run', 'build', '--silent'],
		{ cwd: project, stdio: ['ignore', 'pipe', 'pipe'], shell: !npm && process.platform === 'win32' }
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	return new Promise((resolve) => {
		child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}\n` }));
		child.on('close', (code) => resolve({ ok: code === 0, output }));
	});
}

/**
 * Makes sure build/ is current. Answers false when the build failed (its output is printed).
 * @param {(line: string) => void} say where the one-line progress notes go
 */
export async function buildIfStale(say) {
	const newest = Math.max(...BUILD_INPUTS.map((input) => newestUnder(join(project, input))));
	const reason = staleReason(mtimeOf(join(project, BUILD_STAMP)), newest);
	if (reason === undefined) return true;
	say(`Building Practice Room (${reason}); this takes a minute or so…`);
	const started = Date.now();
	const { ok, output } = await runBuild();
	if (!ok) {
		process.stderr.write(output);
		say('The build failed: its output is above.');
		return false;
	}
	say(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
	return true;
}
