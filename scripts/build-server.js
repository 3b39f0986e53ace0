// Bundles the composition root (server/main.ts) to build/server.js, next to adapter-node's
// handler, the operator's playbook command (server/playbooks-cli.ts) to build/playbooks.js, and
// the entry point (server/entry.ts) that loads the server to build/main.js. The entry is written
// last: its time is the build's time (scripts/build-freshness.js).
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
await build({ ...common, entryPoints: ['server/playbooks-cli.ts'], outfile: 'build/playbooks.js' });
await build({
	...common,
	entryPoints: ['server/entry.ts'],
	outfile: 'build/main.js'
});
