// Bundles the composition root (server/main.ts) to build/server.js, next to adapter-node's
// handler, and the entry point (server/entry.ts) that loads it to build/main.js. The entry is
// written last: its time is the build's time (scripts/build-freshness.js).
import { build } from 'esbuild';

const common = /** @type {const} */ ({
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});

await build({ ...common, entryPoints: ['server/main.ts'], outfile: 'build/server.js' });
await build({
	...common,
	entryPoints: ['server/entry.ts'],
	outfile: 'build/main.js'
});
