// `node scripts/profile-summary.js <file.cpuprofile> [--top=30] [--from=<s>] [--to=<s>]
// [--inclusive=name1,name2]`: where a V8 CPU profile (`--cpu-prof`, e.g. a bench server's with
// BENCH_CPU_PROF_DIR) spent its busy time. Prints the functions with the most self time and,
// for the names given, their inclusive time (each sample counted once however deep the name
// recurs), as shares of the busy (not idle) samples in the window.
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
	console.error('usage: node scripts/profile-summary.js <file.cpuprofile> [--top=30] …');
	process.exit(2);
}
const options = new Map(
	rest.map((arg) => {
		const [key, value] = arg.replace(/^--/, '').split('=');
		return [key, value ?? 'true'];
	})
);
const top = Number(options.get('top') ?? 30);
const inclusiveNames = (options.get('inclusive') ?? '').split(',').filter(Boolean);

/** @typedef {{id: number, callFrame: {functionName: string, url: string, lineNumber: number}, children?: number[]}} ProfileNode */
/** @type {{nodes: ProfileNode[], samples: number[], timeDeltas: number[]}} */
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
/** @type {Map<number, number>} */
const parents = new Map();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parents.set(child, node.id);

const IDLE = new Set(['(idle)', '(program)']);
/** @param {ProfileNode} node */
const label = (node) => {
	const { functionName, url, lineNumber } = node.callFrame;
	const where = url ? `${url.replace(/^.*\/(node_modules\/)?/, '')}:${lineNumber + 1}` : '';
	return `${functionName || '(anonymous)'} ${where}`.trim();
};

const fromUs = Number(options.get('from') ?? 0) * 1e6;
const toUs = Number(options.get('to') ?? Infinity) * 1e6;
/** @type {Map<string, number>} */
const self = new Map();
const inclusive = new Map(inclusiveNames.map((name) => [name, 0]));
/** Busy samples per second of the profile, to choose a window with --from and --to. */
/** @type {number[]} */
const perSecond = [];
let busy = 0;
let elapsed = 0;
profile.samples.forEach((id, index) => {
	elapsed += profile.timeDeltas[index] ?? 0;
	const node = nodes.get(id);
	if (!node || IDLE.has(node.callFrame.functionName)) return;
	const second = Math.floor(elapsed / 1e6);
	perSecond[second] = (perSecond[second] ?? 0) + 1;
	if (elapsed < fromUs || elapsed > toUs) return;
	busy += 1;
	const name = label(node);
	self.set(name, (self.get(name) ?? 0) + 1);
	const seen = new Set();
	for (let /** @type {number | undefined} */ at = id; at !== undefined; at = parents.get(at)) {
		const fn = nodes.get(at)?.callFrame.functionName;
		if (fn && inclusive.has(fn) && !seen.has(fn)) {
			seen.add(fn);
			inclusive.set(fn, (inclusive.get(fn) ?? 0) + 1);
		}
	}
});

/** @param {number} count */
const share = (count) => `${((count / busy) * 100).toFixed(1).padStart(5)} %`;
console.log(`busy samples per second: ${Array.from(perSecond, (n) => n ?? 0).join(' ')}`);
console.log(`${busy} busy samples in the window, of ${profile.samples.length}`);
console.log('\nself time');
for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
	console.log(`${share(count)}  ${name}`);
}
if (inclusive.size > 0) {
	console.log('\ninclusive');
	for (const [name, count] of inclusive) console.log(`${share(count)}  ${name}`);
}
