import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { TestRedis } from '../tests/support/redis-server';
import { createRooms, startKind, type ServerKind } from './kinds';
import { scrapeServer } from './metrics-scrape';
import { joinRoomPresence } from './presence';
import { soakReport } from './report';
import { runSoak, type SoakSample } from './soak';

export interface SoakSettings {
	rooms: number;
	durationMs: number;
	sessionMs: number;
	sampleEveryMs: number;
}

/** The commit the bench ran from, and whether the server's code differed from it. */
export function codeVersion(): { commit: string; uncommittedChanges: string[] } {
	try {
		const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
		return {
			commit: git('rev-parse', '--short', 'HEAD'),
			uncommittedChanges: git('status', '--porcelain', '--', 'server', 'src/lib', 'bench')
				.split('\n')
				.filter(Boolean)
		};
	} catch {
		return { commit: 'unknown', uncommittedChanges: [] };
	}
}

const progress = (sample: SoakSample) =>
	`soak ${(sample.atMs / 60_000).toFixed(1).padStart(5)} min  rss ${(sample.rssBytes / 2 ** 20).toFixed(0)} MiB  heap ${(sample.heapUsedBytes / 2 ** 20).toFixed(0)} MiB  loop p99 ${sample.eventLoopDelayP99Ms.toFixed(1)} ms  rooms in memory ${sample.roomsInMemory}  sessions ${sample.sessions}`;

/**
 * `npm run bench -- --soak`: the soak (`runSoak`) against one Practice Room server process,
 * sampled through its Prometheus `/metrics`, as an operator would; results to
 * `bench/results/<date>-soak.json`.
 */
export async function soakScenario(
	kind: ServerKind,
	redis: TestRedis | undefined,
	settings: SoakSettings,
	machine: string
): Promise<void> {
	if (kind.script !== 'ours' || kind.instances !== 1)
		throw new Error(`the soak runs against one Practice Room server, not ${kind.name}`);
	const version = codeVersion();
	const started = await startKind(kind, redis);
	try {
		await redis?.flush();
		const port = started.ports[0]!;
		console.log(
			`Soak: ${kind.name}, ${settings.rooms} rooms of pairs for ${settings.durationMs / 60_000} min, sessions of ${settings.sessionMs / 60_000} min, a sample every ${settings.sampleEveryMs / 1000} s (commit ${version.commit}${version.uncommittedChanges.length > 0 ? ', with uncommitted changes' : ''})`
		);
		let created = 0;
		const result = await runSoak({
			...settings,
			connect: kind.clients(started.ports),
			newRoom: async () => (await createRooms(kind, port, 1, `${kind.name}-soak-${created++}`))[0]!,
			joinPresence: (roomId, slot) => joinRoomPresence(port, roomId, slot, 2, { agree: true }),
			sample: () => scrapeServer(`http://127.0.0.1:${port}`),
			onSample: (sample) => console.log(progress(sample))
		});
		const date = new Date().toISOString().slice(0, 10);
		mkdirSync('bench/results', { recursive: true });
		const file = `bench/results/${date}-soak.json`;
		writeFileSync(
			file,
			`${JSON.stringify({ date, machine, server: kind.name, ...version, ...result }, null, '\t')}\n`
		);
		console.log(`\n${soakReport(result)}\n\nWrote ${file}`);
	} finally {
		await started.stop();
	}
}
