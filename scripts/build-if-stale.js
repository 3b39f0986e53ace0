// Builds the app when the build is missing or its sources changed since (build-freshness.js),
// quietly: the bundlers' output is shown only when the build fails.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	BUILD_INPUTS,
	GENERATED_INPUTS,
	BUILD_STAMP,
	INPUTS_RECORD,
	inputsFingerprint,
	staleReason
} from './build-freshness.js';

const project = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Every file at or under `path` (relative to the project), with its size and time.
 * @param {string} path
 * @param {import('./build-freshness.js').InputFile[]} into
 */
function collect(path, into) {
	if (GENERATED_INPUTS.includes(path)) return into;
	let stat;
	try {
		stat = statSync(join(project, path));
	} catch {
		return into;
	}
	if (!stat.isDirectory()) into.push({ path, size: stat.size, mtimeMs: stat.mtimeMs });
	else
		for (const entry of readdirSync(join(project, path)).sort()) collect(join(path, entry), into);
	return into;
}

/** The fingerprint of the build's inputs as they are now. */
function currentInputs() {
	/** @type {import('./build-freshness.js').InputFile[]} */
	const files = [];
	for (const input of BUILD_INPUTS) collect(input, files);
	return inputsFingerprint(files);
}

/** What the last build recorded: undefined without a build, '' for a build that recorded none. */
function recordedInputs() {
	if (!existsSync(join(project, BUILD_STAMP))) return undefined;
	try {
		return readFileSync(join(project, INPUTS_RECORD), 'utf8').trim();
	} catch {
		return '';
	}
}

/**
 * Records the inputs a build was made from (scripts/build-server.js calls it as its last step,
 * so `npm run build` counts for `npm start` too).
 * @param {string} [fingerprint] taken before the build began: an edit made during it then
 *   still counts as a change
 */
export function recordBuildInputs(fingerprint = currentInputs()) {
	writeFileSync(join(project, INPUTS_RECORD), `${fingerprint}\n`);
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
	const inputs = currentInputs();
	const reason = staleReason(recordedInputs(), inputs);
	if (reason === undefined) return true;
	say(`Building Practice Room (${reason}); this takes a minute or so…`);
	const started = Date.now();
	const { ok, output } = await runBuild();
	if (!ok) {
		process.stderr.write(output);
		say('The build failed: its output is above.');
		return false;
	}
	recordBuildInputs(inputs);
	say(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
	return true;
}
