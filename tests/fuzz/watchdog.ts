import { format } from 'node:util';
import { redirectLog, setLogLevel } from '../../server/log';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Something the server did wrong, and the input that (probably) caused it. */
export interface Finding {
	problem: string;
	/** The input's index: `FUZZ_INPUTS=<index>` replays it alone. */
	input?: number;
	label?: string;
	/** Inputs in flight when an error surfaced that no single input owns. */
	suspects?: string[];
}

type ConsoleMethod = 'log' | 'info' | 'debug' | 'warn' | 'error';
const QUIET: ConsoleMethod[] = ['log', 'info', 'debug', 'warn'];
/** pino's number for the error level. */
const PINO_ERROR = 50;

/**
 * Watches the process (which runs the server) while the fuzz runs: an uncaught exception, an
 * unhandled rejection or a `console.error` from the server is a finding, blamed on the inputs
 * in flight. The server's expected warnings (malformed frames, refused control writes) are
 * counted and kept out of the output.
 */
export class Watchdog {
	readonly findings: Finding[] = [];
	warnings = 0;
	readonly #inFlight = new Map<number, string>();
	readonly #saved = new Map<ConsoleMethod, (...args: unknown[]) => void>();
	#restoreLog: (() => void) | undefined;

	readonly #onException = (error: unknown) => this.#blame(`uncaught exception: ${describe(error)}`);
	readonly #onRejection = (error: unknown) =>
		this.#blame(`unhandled rejection: ${describe(error)}`);

	start(): void {
		process.on('uncaughtException', this.#onException);
		process.on('unhandledRejection', this.#onRejection);
		for (const method of [...QUIET, 'error'] as const) this.#saved.set(method, console[method]);
		for (const method of QUIET) console[method] = () => void this.warnings++;
		console.error = (...args: unknown[]) =>
			this.#blame(`server logged an error: ${format(...args)}`);
		// The structured log too: warnings are counted, errors are findings.
		setLogLevel('warn');
		this.#restoreLog = redirectLog({
			write: (line: string) => {
				const entry = JSON.parse(line) as { level?: number; msg?: string };
				if ((entry.level ?? 0) >= PINO_ERROR) this.#blame(`server logged an error: ${line}`);
				else this.warnings++;
			}
		});
	}

	stop(): void {
		process.off('uncaughtException', this.#onException);
		process.off('unhandledRejection', this.#onRejection);
		for (const [method, original] of this.#saved) console[method] = original;
		this.#saved.clear();
		this.#restoreLog?.();
		this.#restoreLog = undefined;
		setLogLevel('silent');
	}

	/** Runs one input, known as in flight until it is done. */
	async track<T>(index: number, label: string, work: () => Promise<T>): Promise<T> {
		this.#inFlight.set(index, label);
		try {
			return await work();
		} finally {
			this.#inFlight.delete(index);
		}
	}

	#blame(problem: string): void {
		const suspects = [...this.#inFlight].map(([index, label]) => `#${index} ${label}`);
		this.findings.push({ problem: problem.slice(0, 1500), suspects });
	}
}

function describe(error: unknown): string {
	return error instanceof Error ? (error.stack ?? error.message) : format(error);
}

/** The garbage collector, exposed at run time when node was not started with --expose-gc. */
function findGc(): (() => void) | undefined {
	const exposed: unknown = (globalThis as { gc?: unknown }).gc;
	if (typeof exposed === 'function') return () => exposed();
	setFlagsFromString('--expose-gc');
	const gc: unknown = runInNewContext('gc');
	return typeof gc === 'function' ? () => gc() : undefined;
}

export interface MemorySample {
	bytes: number;
	/** Heap after a full collection when the collector can be reached, else resident set size. */
	measure: 'heap after GC' | 'RSS';
}

export function sampleMemory(): MemorySample {
	const gc = findGc();
	if (!gc) return { bytes: process.memoryUsage().rss, measure: 'RSS' };
	gc();
	gc();
	return { bytes: process.memoryUsage().heapUsed, measure: 'heap after GC' };
}

/**
 * Closes a server, allowing it `timeoutMs`; answers what went wrong. A server that cannot close
 * holds a connection it lost track of, which is a finding of its own.
 */
export async function closeWithin(
	server: { close(): Promise<void> },
	timeoutMs = 10_000
): Promise<string[]> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timedOut = new Promise<string[]>((resolve) => {
		timer = setTimeout(
			() => resolve([`the server did not close within ${timeoutMs} ms (a connection left open)`]),
			timeoutMs
		);
	});
	try {
		return await Promise.race([server.close().then(() => []), timedOut]);
	} finally {
		clearTimeout(timer);
	}
}
