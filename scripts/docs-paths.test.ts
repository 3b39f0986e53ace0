// The docs name files that exist: every project path written in README.md and docs/*.md, and
// every relative link between them, is checked against the tree (issue 14, item 10).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Folders whose paths the docs name; a path is one of these, a slash and more. */
const FOLDERS = ['server', 'src', 'tests', 'scripts', 'docs', 'bench', 'deploy', 'static'];

/**
 * The project paths a Markdown text names, in code or prose: `server/app.ts`, globs such as
 * `tests/integration/*.contract.ts`, placeholders such as `bench/results/<date>.json`. A path
 * ends on a letter, digit, `*` or `>`, so a full stop or colon after it is not part of it.
 */
function namedPaths(markdown: string): string[] {
	const pattern = new RegExp(`(?<![\\w./-])((?:${FOLDERS.join('|')})/[\\w./*<>-]*[\\w*>])`, 'g');
	return [...markdown.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** Relative link targets (`[scale-out](scale-out.md#x)` → `scale-out.md`), not web addresses. */
function linkedFiles(markdown: string): string[] {
	return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
		.map((match) => (match[1] ?? '').split('#')[0] ?? '')
		.filter((target) => target !== '' && !/^[a-z][a-z+.-]*:/i.test(target));
}

/** Folders that tools make on the machine (an install, a build), never part of a clone. */
const MADE_BY_TOOLS = ['bench/node_modules', 'bench/.build'];

/** Whether `path` names something in the tree; `*` and `<placeholder>` match within one name. */
function exists(path: string): boolean {
	if (MADE_BY_TOOLS.some((made) => path === made || path.startsWith(`${made}/`))) return true;
	if (!/[*<]/.test(path)) return existsSync(join(ROOT, path));
	const folder = dirname(path);
	if (/[*<]/.test(folder)) throw new Error(`a pattern in a folder name is not supported: ${path}`);
	const name = path.slice(folder.length + 1).replace(/[.+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`^${name.replace(/\*|<[^>]*>/g, '.*')}$`);
	const dir = join(ROOT, folder);
	return existsSync(dir) && readdirSync(dir).some((entry) => pattern.test(entry));
}

const docs = [
	'README.md',
	...readdirSync(join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`)
];

describe('finding the paths a document names', () => {
	test('paths in code spans and prose, without the punctuation after them', () => {
		const text =
			'See `server/app.ts`, then server/rooms/room-registry.ts. Tests: tests/integration/*.contract.ts: and `bench/results/<date>.json`.';
		expect(namedPaths(text)).toEqual([
			'server/app.ts',
			'server/rooms/room-registry.ts',
			'tests/integration/*.contract.ts',
			'bench/results/<date>.json'
		]);
	});

	test('a folder name inside a longer word or path is not a path', () => {
		expect(namedPaths('the observer/server/ split, ./server/x and a-tests/y')).toEqual([]);
	});

	test('relative links without their anchors; web addresses and anchors alone are skipped', () => {
		expect(
			linkedFiles('[a](scale-out.md#x) [b](https://x.org/y) [c](#limits) [d](../LICENSE)')
		).toEqual(['scale-out.md', '../LICENSE']);
	});

	test('a glob or placeholder matches names in its folder', () => {
		expect(exists('tests/integration/*.contract.ts')).toBe(true);
		expect(exists('server/<anything>.ts')).toBe(true);
		expect(exists('server/no-such-*.ts')).toBe(false);
	});
});

describe.each(docs)('%s names files that exist', (doc) => {
	const markdown = readFileSync(join(ROOT, doc), 'utf8');

	test('every project path it names', () => {
		expect(namedPaths(markdown).filter((path) => !exists(path))).toEqual([]);
	});

	test('every file it links to', () => {
		const missing = linkedFiles(markdown)
			.map((target) => relative(ROOT, join(ROOT, dirname(doc), decodeURI(target))))
			.filter((path) => !existsSync(join(ROOT, path)));
		expect(missing).toEqual([]);
	});
});
