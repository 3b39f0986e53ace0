import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// Yjs marks its internals with a leading underscore (`_map`, `_start`, `_length`, `_item`…);
// they change between releases without notice. The server and the browser read documents
// through Yjs's public API only (issue 15), so no source file reaches an underscored property.

const root = resolve(import.meta.dirname, '../..');
const SOURCES = /\.(ts|js|svelte)$/;
/** `x._name`, `x?._name` and `x['_name']`. */
const UNDERSCORED = /(?:\??\.\s*|\[\s*['"`])(_[A-Za-z]\w*)/g;
/** zod/mini's `z._default` is its public API (the name `default` is taken). */
const PUBLIC = new Set(['_default']);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
		return SOURCES.test(entry.name) ? [path] : [];
	});
}

describe('no private fields', () => {
	test('no file of server/ or src/ reads an underscored property', () => {
		const found = ['server', 'src'].flatMap((dir) =>
			sourceFiles(join(root, dir))
				// This file names the patterns it looks for.
				.filter((file) => file !== import.meta.filename)
				.flatMap((file) =>
					[...readFileSync(file, 'utf8').matchAll(UNDERSCORED)]
						.map((match) => match[1]!)
						.filter((name) => !PUBLIC.has(name))
						.map((name) => `${relative(root, file)}: ${name}`)
				)
		);
		expect(found).toEqual([]);
	});
});
