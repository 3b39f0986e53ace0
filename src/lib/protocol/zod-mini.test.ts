import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// The room and home pages parse with zod/mini only: one import of zod's classic API anywhere in
// what they load puts its whole chunk (about 12 KiB gzip) back on the page (docs/performance.md).

const root = resolve(import.meta.dirname, '../../..');
const IMPORT = /(?:from|import)\s*\(?\s*'([^']+)'/g;
/** Type-only imports load nothing in the browser. */
const TYPE_IMPORT = /(?:import|export)\s+type\s[^;]*;/g;

/** The file a relative or `$lib` import names, or undefined for a package. */
function resolveImport(from: string, specifier: string): string | undefined {
	const base = specifier.startsWith('$lib/')
		? join(root, 'src/lib', specifier.slice('$lib/'.length))
		: specifier.startsWith('.')
			? resolve(dirname(from), specifier)
			: undefined;
	if (!base) return undefined;
	return [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')].find(
		(path) => existsSync(path) && statSync(path).isFile()
	);
}

/** Every source file a browser page reaches through its imports, and the packages each names. */
function browserImports(entry: string): Map<string, string[]> {
	const packages = new Map<string, string[]>();
	const queue = [join(root, entry)];
	while (queue.length > 0) {
		const file = queue.pop();
		if (!file || packages.has(file)) continue;
		const named: string[] = [];
		packages.set(file, named);
		for (const [, specifier] of readFileSync(file, 'utf8')
			.replace(TYPE_IMPORT, '')
			.matchAll(IMPORT)) {
			if (!specifier) continue;
			const target = resolveImport(file, specifier);
			if (target === undefined) named.push(specifier);
			else if (!target.endsWith('.server.ts')) queue.push(target);
		}
	}
	return packages;
}

describe('zod in the browser', () => {
	for (const page of ['src/routes/r/[roomId]/+page.svelte', 'src/routes/+page.svelte']) {
		test(`${page} reaches zod only through zod/mini and zod's core`, () => {
			const reached = browserImports(page);
			expect(reached.size).toBeGreaterThan(5);
			const classic = [...reached]
				.filter(([, named]) => named.includes('zod'))
				.map(([file]) => file.slice(root.length + 1));
			expect(classic).toEqual([]);
		});
	}
});
