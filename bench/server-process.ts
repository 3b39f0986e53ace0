import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { FromServer, ToServer } from './servers/child';

export type ServerStats = Extract<FromServer, { type: 'stats' }>;

export interface ServerProcess {
	port: number;
	stats(gc?: boolean): Promise<ServerStats>;
	stop(): Promise<void>;
}

const TASKSET = '/usr/bin/taskset';

/**
 * With `BENCH_CPU_PROF_DIR` set, each server writes a V8 CPU profile there when it stops
 * (`--cpu-prof`; open it in Chrome's DevTools or read it with `scripts/profile-summary.js`).
 */
const profileArgs = (dir = process.env.BENCH_CPU_PROF_DIR): string[] =>
	dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];

/**
 * Starts a bundled server script (bench/.build/servers/<name>.js) as its own process, pinned to core 0
 * where `taskset` exists (the load generator runs on core 1), with `--expose-gc` for memory
 * figures after collection.
 */
export async function startServerProcess(
	name: string,
	env: Record<string, string> = {}
): Promise<ServerProcess> {
	const script = new URL(`./servers/${name}.js`, import.meta.url).pathname;
	const args = ['--expose-gc', ...profileArgs(), script];
	const child: ChildProcess = existsSync(TASKSET)
		? spawn(TASKSET, ['-c', '0', process.execPath, ...args], {
				env: { ...process.env, ...env },
				stdio: ['ignore', 'inherit', 'inherit', 'ipc']
			})
		: spawn(process.execPath, args, {
				env: { ...process.env, ...env },
				stdio: ['ignore', 'inherit', 'inherit', 'ipc']
			});
	const next = <T extends FromServer['type']>(type: T) =>
		new Promise<Extract<FromServer, { type: T }>>((resolve, reject) => {
			const onExit = (code: number | null) => reject(new Error(`${name} exited with ${code}`));
			const onMessage = (message: FromServer) => {
				if (message.type !== type) return;
				child.off('message', onMessage);
				child.off('exit', onExit);
				resolve(message as Extract<FromServer, { type: T }>);
			};
			child.on('message', onMessage);
			child.once('exit', onExit);
		});
	const ready = await next('ready');
	const send = (message: ToServer) => child.send(message);
	return {
		port: ready.port,
		async stats(gc = false) {
			const answer = next('stats');
			send({ type: 'stats', gc });
			return answer;
		},
		async stop() {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			send({ type: 'stop' });
			await exited;
		}
	};
}
