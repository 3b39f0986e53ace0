// Bundles the composition root (server/main.ts) to build/server.js, next to adapter-node's
// handler, the operator's playbook command (server/playbooks-cli.ts) to build/playbooks.js, and
// the entry point (server/entry.ts) that loads the server to build/main.js; then records the
// inputs the build was made from, so `npm start` knows it is current (build-freshness.js).
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
await build({ ...common, entryPoints: ['server/playbooks-cli.ts'], outfile: 'build/playbooks.js' });
await build({
	...common,
	entryPoints: ['server/entry.ts'],
	outfile: 'build/main.js'
});
recordBuildInputs();
