import { assertNever } from '../../src/lib/assert-never';
import { waitFor } from '../support/wait';
import { fire, type FuzzInput } from './fire';
import { openTargets, planInput, type Targets } from './plan';
import { formatSeed } from './random';
import { sampleMemory, Watchdog, type Finding, type MemorySample } from './watchdog';
import { roomProblems, type Witness } from './witness';

export interface FuzzOptions {
	seed: number;
	/** How many inputs (connections, sessions, requests) to send. */
	iterations: number;
	/** A server running in this process: its memory is what gets measured. */
	serverUrl: string;
	/** Inputs in flight at once. */
	concurrency?: number;
	/** Replays only these inputs, by index, rather than 0 … iterations - 1. */
	only?: readonly number[];
}

export interface FuzzReport {
	seed: number;
	inputs: number;
	/** Inputs sent per kind. */
	kinds: Record<FuzzInput['kind'], number>;
	/** Frames, events and requests in those inputs. */
	messages: number;
	durationMs: number;
	/** Memory after the warm-up inputs and after the rest, each once the rooms had unloaded. */
	memory: { afterWarmUp: MemorySample; afterRun: MemorySample };
	serverWarnings: number;
	findings: Finding[];
}

/** Memory may grow this much between the warm-up and the end: generous, but bounded. */
export const MAX_MEMORY_GROWTH_BYTES = 64 * 1024 * 1024;

/** Rooms the server holds in memory now, as /healthz tells. */
async function loadedRooms(serverUrl: string): Promise<number> {
	const health = (await (await fetch(`${serverUrl}/healthz`)).json()) as { roomsLoaded: number };
	return health.roomsLoaded;
}

/**
 * Fires seeded random and mutated inputs at a running server (see docs/testing.md) and answers
 * what went wrong: an input answered wrongly, an error in the process, the witness room changed,
 * a fuzzed room broken, a room held in memory, or memory grown past {@link MAX_MEMORY_GROWTH_BYTES}.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
	const { seed, serverUrl } = options;
	const started = Date.now();
	const watchdog = new Watchdog();
	const findings = watchdog.findings;
	const kinds: FuzzReport['kinds'] = { yjs: 0, socket: 0, 'socket-raw': 0, http: 0, 'http-raw': 0 };
	let messages = 0;

	async function runAll(targets: Targets, indices: readonly number[]): Promise<void> {
		const fireTarget = { serverUrl, knownRoomId: targets.witness.roomId };
		let next = 0;
		const worker = async () => {
			while (next < indices.length) {
				const index = indices[next++]!;
				let planned: ReturnType<typeof planInput>;
				try {
					planned = planInput(seed, index, targets);
				} catch (error) {
					findings.push({
						input: index,
						problem: `the generator failed: ${(error as Error).stack}`
					});
					continue;
				}
				const { input, label } = planned;
				kinds[input.kind]++;
				messages += messageCount(input);
				const problems = await watchdog
					.track(index, label, () => fire(fireTarget, input))
					.catch((error: unknown) => [`the fuzz client failed: ${(error as Error).stack}`]);
				for (const problem of problems) findings.push({ input: index, label, problem });
			}
		};
		await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
	}

	/** Memory once every fuzzed room has left memory (only the witness stays loaded). */
	async function settledMemory(): Promise<MemorySample> {
		await waitFor(async () => (await loadedRooms(serverUrl)) <= 1, 'fuzzed rooms to unload').catch(
			async () =>
				findings.push({
					problem: `${(await loadedRooms(serverUrl)) - 1} fuzzed rooms stayed in memory after their connections closed`
				})
		);
		return sampleMemory();
	}

	watchdog.start();
	let witness: Witness | undefined;
	try {
		const targets = await openTargets(serverUrl);
		witness = targets.witness;
		const indices = options.only ?? Array.from({ length: options.iterations }, (_, i) => i);
		const warmUp = Math.min(indices.length, Math.max(200, Math.floor(indices.length / 10)));
		await runAll(targets, indices.slice(0, warmUp));
		const afterWarmUp = await settledMemory();
		await runAll(targets, indices.slice(warmUp));
		const afterRun = await settledMemory();
		if (afterRun.bytes - afterWarmUp.bytes > MAX_MEMORY_GROWTH_BYTES) {
			findings.push({
				problem: `memory (${afterRun.measure}) grew by ${mib(afterRun.bytes - afterWarmUp.bytes)} after the warm-up`
			});
		}
		const health = await fetch(`${serverUrl}/healthz`).catch(() => undefined);
		if (health?.status !== 200)
			findings.push({ problem: `/healthz answered ${health?.status ?? 'nothing'}` });
		for (const problem of await targets.witness.problems()) findings.push({ problem });
		for (const room of targets.rooms) {
			for (const problem of await roomProblems(serverUrl, room.id)) findings.push({ problem });
		}
		return {
			seed,
			inputs: indices.length,
			kinds,
			messages,
			durationMs: Date.now() - started,
			memory: { afterWarmUp, afterRun },
			serverWarnings: watchdog.warnings,
			findings
		};
	} finally {
		witness?.close();
		watchdog.stop();
	}
}

/** Frames, events or requests one input sends (a socket session ends with a watch). */
function messageCount(input: FuzzInput): number {
	switch (input.kind) {
		case 'yjs':
			return input.frames.length;
		case 'socket':
			return input.session.calls.length + (input.session.join ? 2 : 1);
		case 'socket-raw':
			return input.packets.length;
		case 'http':
		case 'http-raw':
			return 1;
		default:
			return assertNever(input);
	}
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The report in a few lines, findings first, with how to run the same inputs again. */
export function describeReport(report: FuzzReport, iterations: number): string {
	const seed = formatSeed(report.seed);
	const kinds = Object.entries(report.kinds)
		.map(([kind, count]) => `${kind} ${count}`)
		.join(', ');
	const { afterWarmUp, afterRun } = report.memory;
	const lines = [
		`fuzz seed ${seed}: ${report.inputs} inputs (${kinds}), ${report.messages} messages, ` +
			`in ${(report.durationMs / 1000).toFixed(1)} s; memory (${afterRun.measure}) ` +
			`${mib(afterWarmUp.bytes)} after the warm-up, ${mib(afterRun.bytes)} at the end; ` +
			`${report.serverWarnings} server warnings`
	];
	for (const finding of report.findings.slice(0, 30)) {
		const input = finding.input === undefined ? '' : `input #${finding.input} (${finding.label}): `;
		lines.push(`- ${input}${finding.problem}`);
		for (const suspect of finding.suspects ?? []) lines.push(`    in flight: ${suspect}`);
	}
	if (report.findings.length > 30) lines.push(`… and ${report.findings.length - 30} more`);
	if (report.findings.length > 0) {
		lines.push(
			`Reproduce: FUZZ_SEED=${seed} FUZZ_ITERATIONS=${iterations} npm run fuzz` +
				` (one input alone: add FUZZ_INPUTS=<index>)`
		);
	}
	return lines.join('\n');
}
