import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { afterAll, expect, test } from 'vitest';
import { BUILD_INPUTS } from '../../scripts/build-freshness.js';

/**
 * When `npm start` builds (scripts/build-if-stale.js), on a scratch project whose `npm run build`
 * only counts its runs, so the rule is tried in a second rather than a minute.
 */
const project = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'practice-room-build-if-stale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FAKE_BUILD = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('build', { recursive: true });
writeFileSync('build/main.js', '');
appendFileSync('builds.txt', 'built\\n');
`;

function scratchProject(): string {
	const dir = join(scratch, 'project');
	mkdirSync(join(dir, 'scripts'), { recursive: true });
	mkdirSync(join(dir, 'src'), { recursive: true });
	for (const file of ['build-if-stale.js', 'build-freshness.js']) {
		copyFileSync(join(project, 'scripts', file), join(dir, 'scripts', file));
	}
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({ type: 'module', scripts: { build: 'node make-build.js' } })
	);
	writeFileSync(join(dir, 'make-build.js'), FAKE_BUILD);
	writeFileSync(join(dir, 'src', 'app.ts'), 'export const release = 1;\n');
	return dir;
}

const builds = (dir: string) =>
	readFileSync(join(dir, 'builds.txt'), 'utf8').split('\n').length - 1;

test('a source replaced by a copy with an older time (a release unpacked over the last) builds again', async () => {
	const dir = scratchProject();
	const { buildIfStale } = (await import(join(dir, 'scripts', 'build-if-stale.js'))) as {
		buildIfStale: (say: (line: string) => void) => Promise<boolean>;
	};
	const said: string[] = [];
	const say = (line: string) => said.push(line);

	expect(await buildIfStale(say)).toBe(true);
	expect(builds(dir)).toBe(1);
	expect(await buildIfStale(say)).toBe(true);
	expect(builds(dir)).toBe(1);

	// `git archive` or a release tarball stamps files with the commit's time, older than a build
	// made since; tar, cp -p and rsync -a keep it.
	const source = join(dir, 'src', 'app.ts');
	writeFileSync(source, 'export const release = 2;\n');
	const commitTime = new Date('2026-01-01T00:00:00Z');
	utimesSync(source, commitTime, commitTime);
	expect(await buildIfStale(say)).toBe(true);
	expect(builds(dir)).toBe(2);
	expect(said.at(-2)).toBe(
		'Building Practice Room (the sources changed since the last build); this takes a minute or so…'
	);

	// A new file, and a removed one, however old, count too.
	writeFileSync(join(dir, 'src', 'old.ts'), '');
	utimesSync(join(dir, 'src', 'old.ts'), commitTime, commitTime);
	expect(await buildIfStale(say)).toBe(true);
	expect(builds(dir)).toBe(3);
	rmSync(join(dir, 'src', 'old.ts'));
	expect(await buildIfStale(say)).toBe(true);
	expect(builds(dir)).toBe(4);
});

test('every project file the server bundle is made from is a build input', async () => {
	const result = await build({
		entryPoints: ['server/entry.ts', 'server/main.ts'],
		absWorkingDir: project,
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		write: false,
		outdir: join(scratch, 'out'),
		metafile: true,
		logLevel: 'silent'
	});
	const sources = Object.keys(result.metafile.inputs).map((input) =>
		relative(project, join(project, input))
	);
	expect(sources.length).toBeGreaterThan(10);
	const uncovered = sources.filter(
		(source) => !BUILD_INPUTS.some((input) => source === input || source.startsWith(`${input}/`))
	);
	expect(uncovered).toEqual([]);
});
