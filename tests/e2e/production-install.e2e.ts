import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';

// Issue 14, item 4: the image keeps only the production install (`npm prune --omit=dev`), and
// browser-only packages are devDependencies because adapter-node bundles what the pages' server
// code imports of them. So every package the built server still imports at run time must be one
// that install keeps: a package the lock does not mark `dev`. Runs after `npm run build`.

const project = join(import.meta.dirname, '../..');

/** The lock's packages that a production install keeps, by name. */
function productionPackages(): Set<string> {
	const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
		packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
	};
	const names = new Set<string>();
	for (const [path, entry] of Object.entries(lock.packages)) {
		if (!path.startsWith('node_modules/') || entry.dev || entry.devOptional) continue;
		names.add(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
	}
	return names;
}

/**
 * Imports the bundle makes inside a try, working without the package: debug (bundled with
 * socket.io-client into the room page's server code) asks for supports-color that way.
 */
const OPTIONAL = new Set(['supports-color']);

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier: string) =>
	specifier
		.split('/')
		.slice(0, specifier.startsWith('@') ? 2 : 1)
		.join('/');

test('every package the built server imports is kept by a production install', async () => {
	// The entry point loads server.js and handler.js by URL, which esbuild does not follow: all
	// three are entries, and their chunks are followed from there.
	const result = await build({
		entryPoints: ['build/main.js', 'build/server.js', 'build/handler.js'].map((file) =>
			join(project, file)
		),
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		write: false,
		outdir: join(project, 'test-results', 'production-install'),
		metafile: true,
		logLevel: 'silent'
	});
	const builtins = new Set(builtinModules);
	const imported = new Set<string>();
	for (const input of Object.values(result.metafile.inputs)) {
		for (const { path, external } of input.imports) {
			if (!external || path.startsWith('node:') || builtins.has(path) || OPTIONAL.has(path)) {
				continue;
			}
			imported.add(packageOf(path));
		}
	}
	// What the server is known to need, so a scan that finds nothing cannot pass.
	for (const name of ['socket.io', 'yjs', 'zod', 'ws', 'pino', 'redis']) {
		expect(imported).toContain(name);
	}
	const production = productionPackages();
	expect([...imported].filter((name) => !production.has(name)).sort()).toEqual([]);
});
