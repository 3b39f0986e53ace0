// Bundles the composition root (server/main.ts) to build/main.js, next to adapter-node's handler.
import { build } from 'esbuild';

await build({
	entryPoints: ['server/main.ts'],
	outfile: 'build/main.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
