import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

/** Messages between the bench runner and a server under test (over the child's IPC channel). */
export type ToServer = { type: 'stats'; gc?: boolean } | { type: 'stop' };
export type FromServer =
	| { type: 'ready'; port: number }
	| {
			type: 'stats';
			rssBytes: number;
			heapUsedBytes: number;
			cpuMicros: number;
			eventLoopDelayP99Ms: number;
			/** Commands sent to Redis so far, by name (`countRedisCommands`); empty without Redis. */
			redisCommandsSent: Record<string, number>;
			/** With `gc`: memory again after V8's memory-reducing collection (below). */
			reduced?: { rssBytes: number; heapUsedBytes: number };
			/** V8's young generation as it stood (before the memory-reducing collection). */
			newSpaceBytes: number;
	  };

/** V8's collection options (`--expose-gc`); `last-resort` is the memory-reducing one. */
type Collect = (options?: {
	type: 'major';
	execution: 'sync';
	flavor?: 'regular' | 'last-resort';
}) => void;

const newSpaceBytes = () =>
	getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/**
 * Runs inside a server process: answers stats requests (CPU so far, memory, event-loop delay
 * since the last request, commands sent to Redis so far) and stops on request.
 */
export function serveBenchControl(
	port: number,
	stop: () => Promise<void>,
	redisCommandsSent: () => Record<string, number> = () => ({})
): void {
	const RESOLUTION_MS = 10;
	const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
	delay.enable();
	const send = (message: FromServer) => process.send?.(message);
	process.on('message', (message: ToServer) => {
		if (message.type === 'stop') {
			void stop().finally(() => process.exit(0));
			return;
		}
		const collect = (globalThis as { gc?: Collect }).gc;
		if (message.gc) collect?.();
		const memory = process.memoryUsage();
		const young = newSpaceBytes();
		/**
		 * A full collection leaves the young generation as large as the last burst of work grew
		 * it (up to 128 MiB on Node 24 here): V8 may shrink it at a later collection when
		 * allocation is slow, and a process that runs no collection keeps it (40 s idle, seen).
		 * The memory-reducing collection shrinks it at once, so its figure is what the
		 * connections and rooms hold.
		 */
		let reduced: { rssBytes: number; heapUsedBytes: number } | undefined;
		if (message.gc && collect) {
			collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
			const after = process.memoryUsage();
			reduced = { rssBytes: after.rss, heapUsedBytes: after.heapUsed };
		}
		const cpu = process.cpuUsage();
		send({
			type: 'stats',
			rssBytes: memory.rss,
			heapUsedBytes: memory.heapUsed,
			cpuMicros: cpu.user + cpu.system,
			// The histogram includes its own sampling interval; what is left is real delay.
			eventLoopDelayP99Ms: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
			redisCommandsSent: redisCommandsSent(),
			newSpaceBytes: young,
			...(reduced && { reduced })
		});
		delay.reset();
	});
	process.on('disconnect', () => process.exit(0));
	send({ type: 'ready', port });
}
