// Bundles the benchmark runner and the server scripts it starts into .bench/ (not committed).
import { build } from 'esbuild';

await build({
	entryPoints: [
		'bench/run.ts',
		'bench/library.ts',
		'bench/servers/ours.ts',
		'bench/servers/y-websocket.ts',
		'bench/servers/hocuspocus.ts'
	],
	outdir: '.bench',
	outbase: 'bench',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	packages: 'external',
	logLevel: 'warning'
});
