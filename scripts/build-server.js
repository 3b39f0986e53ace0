// Bundles the composition root (server/main.ts) to build/main.js, next to adapter-node's handler,
// and the operator's playbook command (server/playbooks-cli.ts) to build/playbooks.js.
import { build } from 'esbuild';

await build({
	entryPoints: { main: 'server/main.ts', playbooks: 'server/playbooks-cli.ts' },
	outdir: 'build',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
