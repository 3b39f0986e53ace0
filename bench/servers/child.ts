import { monitorEventLoopDelay } from 'node:perf_hooks';

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
	  };

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
		if (message.gc) (globalThis as { gc?: () => void }).gc?.();
		const memory = process.memoryUsage();
		const cpu = process.cpuUsage();
		send({
			type: 'stats',
			rssBytes: memory.rss,
			heapUsedBytes: memory.heapUsed,
			cpuMicros: cpu.user + cpu.system,
			// The histogram includes its own sampling interval; what is left is real delay.
			eventLoopDelayP99Ms: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
			redisCommandsSent: redisCommandsSent()
		});
		delay.reset();
	});
	process.on('disconnect', () => process.exit(0));
	send({ type: 'ready', port });
}
