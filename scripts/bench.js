// `npm run bench`: installs the servers the bench compares ours with (bench/package.json, kept
// out of the project's own install), builds the app when it is stale, type-checks and bundles
// the bench, and runs it with the arguments given (docs/performance.md).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.js';

const project = dirname(dirname(fileURLToPath(import.meta.url)));
const bench = join(project, 'bench');

/** @param {string} path */
const mtimeOf = (path) => {
	try {
		return statSync(path).mtimeMs;
	} catch {
		return undefined;
	}
};

/**
 * Runs a command in the project with the output shown; stops the bench when it fails.
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
	const result = spawnSync(command, args, { cwd: project, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const npm = process.env.npm_execpath;
/** @param {string[]} args */
const runNpm = (args) => (npm ? run(process.execPath, [npm, ...args]) : run('npm', args));

const installed = mtimeOf(join(bench, 'node_modules', '.package-lock.json'));
const locked = mtimeOf(join(bench, 'package-lock.json')) ?? 0;
if (installed === undefined || installed < locked) {
	console.log('Installing the servers the bench compares with (bench/package.json)…');
	runNpm(['ci', '--prefix', bench, '--legacy-peer-deps', '--no-audit', '--no-fund']);
}

if (!(await buildIfStale((line) => console.log(line)))) process.exit(1);
run(process.execPath, [
	join(project, 'node_modules/typescript/bin/tsc'),
	'-p',
	'bench',
	'--noEmit'
]);
run(process.execPath, [join(project, 'scripts/build-bench.js')]);
run(process.execPath, [join(bench, '.build/run.js'), ...process.argv.slice(2)]);
