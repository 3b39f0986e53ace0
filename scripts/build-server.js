// Bundles the composition root (server/main.ts) to build/server.js, next to adapter-node's
// handler, and the entry point (server/entry.ts) that loads it to build/main.js; then records
// the inputs the build was made from, so `npm start` knows it is current (build-freshness.js).
import { build } from 'esbuild';
import { recordBuildInputs } from './build-if-stale.js';

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
recordBuildInputs();
