// Bundles the benchmark runner and the server scripts it starts into bench/.build/ (not
// committed): Node finds the comparison servers' packages in bench/node_modules from there, and
// the rest, yjs included, in the project's node_modules.
import { build } from 'esbuild';

await build({
	entryPoints: [
		'bench/run.ts',
		'bench/library.ts',
		'bench/pairing.ts',
		'bench/servers/ours.ts',
		'bench/servers/y-websocket.ts',
		'bench/servers/hocuspocus.ts'
	],
	outdir: 'bench/.build',
	outbase: 'bench',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	packages: 'external',
	logLevel: 'warning'
});
