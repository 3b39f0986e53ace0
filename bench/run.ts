import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { startRedis, type TestRedis } from '../tests/support/redis-server';
import { measureRoomPage, type PageFigures } from './browser';
import { parseArgs, parseDuration } from './args';
import type { Connect } from './clients';
import { createRooms, KINDS, startKind, type ServerKind } from './kinds';
import { measureRestart, type RestartFigures } from './npm-start';
import { joinPresence } from './presence';
import { readRedisCounters, redisPerUpdate, type RedisCounters } from './redis-figures';
import {
	crossInstanceTable,
	latencyChart,
	redisTable,
	scalingTable,
	type ScalingPoint
} from './report';
import type { ServerStats } from './server-process';
import { sumCounts } from './servers/redis-commands';
import { codeVersion, soakScenario } from './soak-run';
import { summarize } from './stats';
import {
	connectAll,
	reconnectToConverged,
	runRoomWorkload,
	type WorkloadResult
} from './workloads';

/**
 * `npm run bench`: the same room workloads against Practice Room and the reference servers, in
 * one run. Options: --quick (small and short), --rooms=10,100,500 --duration=10000
 * --servers=practice-room,y-websocket,hocuspocus,practice-room-redis,practice-room-redis-x2,
 * hocuspocus-redis --no-page --name=cross-instance (results file name after the date)
 *
 * `npm run bench -- --soak` runs the soak alone instead: --rooms=300 --duration=30m
 * --session=5m --sample=10s (durations in ms, or with a unit), against --servers=practice-room
 * (or practice-room-redis).
 */
const args = parseArgs(process.argv.slice(2));
const quick = args.has('quick');
const soak = args.has('soak');
const roomSteps = (args.get('rooms') ?? (quick ? '10,50' : '10,100,500,1000'))
	.split(',')
	.map(Number);
const durationMs = parseDuration(args.get('duration') ?? (soak ? '30m' : quick ? '4s' : '8s'));
/** Each scaling point runs this many times; the run with the median p99 is reported. */
const repeats = Number(args.get('repeat') ?? (quick ? 1 : 3));
const P99_LIMIT_MS = 1_000;
/** The servers the two-instance targets compare. */
const CROSS_INSTANCE = {
	single: 'practice-room',
	ours: 'practice-room-redis-x2',
	theirs: 'hocuspocus-redis'
};
/** --only=pairs,circles,storm,reconnect,memory,page,start runs just those scenarios. */
const only = args.get('only')?.split(',');
const runs = (scenario: string) => !only || only.includes(scenario);

const chosen = args.get('servers')?.split(',') ?? (soak ? ['practice-room'] : undefined);
const kinds = KINDS.filter((kind) => !chosen || chosen.includes(kind.name));

/** Keeps the load generator on core 1, away from the servers on core 0. */
function pinSelf(): void {
	try {
		execFileSync('/usr/bin/taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
	} catch {
		console.warn('taskset unavailable: the load generator shares cores with the servers');
	}
}

type Measured = ScalingPoint & { result: WorkloadResult };

/** Runs one workload with CPU, memory, event-loop and Redis figures around it. */
async function measured(
	kind: ServerKind,
	redis: TestRedis | undefined,
	rooms: number,
	people: number,
	run: (
		connect: Connect,
		roomIds: string[],
		onConnected: () => Promise<void>
	) => Promise<WorkloadResult>
): Promise<Measured> {
	const started = await startKind(kind, redis);
	try {
		await redis?.flush();
		const roomIds = await createRooms(
			kind,
			started.ports[0]!,
			rooms,
			`${kind.name}-${rooms}-${people}`
		);
		// Measured from when everyone is connected: joining is its own scenario.
		let before: ServerStats[] = [];
		let redisBefore: RedisCounters | undefined;
		let wallStart = 0;
		const connected = async () => {
			before = await Promise.all(started.processes.map((p) => p.stats()));
			redisBefore = kind.redis && redis ? await readRedisCounters(redis.url) : undefined;
			wallStart = performance.now();
		};
		const result = await run(kind.clients(started.ports), roomIds, connected);
		const wallMs = performance.now() - wallStart;
		const after = await Promise.all(started.processes.map((p) => p.stats()));
		const redisAfter = kind.redis && redis ? await readRedisCounters(redis.url) : undefined;
		const cpuMicros = after.reduce((sum, s, i) => sum + s.cpuMicros - before[i]!.cpuMicros, 0);
		const sent = (stats: ServerStats[]) => sumCounts(stats.map((s) => s.redisCommandsSent));
		return {
			server: kind.name,
			rooms,
			latency: result.latency,
			presenceLatency: result.presenceLatency,
			generatorLoopDelayP99Ms: result.generatorLoopDelayP99Ms,
			dropped: result.dropped,
			duplicated: result.duplicated,
			cpuPercent: (cpuMicros / 1000 / wallMs) * 100,
			cpuMicrosPerUpdate: cpuMicros / result.updatesSent,
			rssMiB: after.reduce((sum, s) => sum + s.rssBytes, 0) / 2 ** 20,
			eventLoopDelayP99Ms: Math.max(...after.map((s) => s.eventLoopDelayP99Ms)),
			...(redisBefore && redisAfter
				? {
						redis: redisPerUpdate(
							{ redis: redisBefore, sent: sent(before) },
							{ redis: redisAfter, sent: sent(after) },
							result.updatesSent
						)
					}
				: {}),
			result
		};
	} finally {
		await started.stop();
	}
}

/** Memory per connected person after GC, with everyone idle. */
async function idleMemory(
	kind: ServerKind,
	redis: TestRedis | undefined,
	rooms: number,
	perRoom: number
) {
	const started = await startKind(kind, redis);
	try {
		await redis?.flush();
		const roomIds = await createRooms(kind, started.ports[0]!, rooms, `${kind.name}-idle`);
		const baseline = await Promise.all(started.processes.map((p) => p.stats(true)));
		const { clients, joinMs } = await connectAll(kind.clients(started.ports), roomIds, perRoom);
		// A Practice Room person also holds a socket.io connection, joined to the room.
		const leave =
			kind.script === 'ours' ? await joinPresence(started.ports[0]!, roomIds, perRoom) : () => {};
		const loaded = await Promise.all(started.processes.map((p) => p.stats(true)));
		leave();
		for (const client of clients.flat()) client.destroy();
		const people = rooms * perRoom;
		/** What one figure grew by from the baseline, summed over the processes, per person in KiB. */
		const perPerson = (figure: (stats: ServerStats) => number) =>
			loaded.reduce((sum, s, i) => sum + figure(s) - figure(baseline[i]!), 0) / people / 1024;
		return {
			server: kind.name,
			people,
			rssKiBPerPerson: perPerson((s) => s.rssBytes),
			heapKiBPerPerson: perPerson((s) => s.heapUsedBytes),
			youngKiBPerPerson: perPerson((s) => s.newSpaceBytes),
			reducedRssKiBPerPerson: perPerson((s) => s.reduced?.rssBytes ?? s.rssBytes),
			reducedHeapKiBPerPerson: perPerson((s) => s.reduced?.heapUsedBytes ?? s.heapUsedBytes),
			failedJoins: joinMs.filter((ms) => ms === undefined).length
		};
	} finally {
		await started.stop();
	}
}

/** 200 people joining rooms whose documents are 50 KB, at 20 joins a second. */
async function joinStorm(
	kind: ServerKind,
	redis: TestRedis | undefined,
	people = quick ? 40 : 200
) {
	const started = await startKind(kind, redis);
	try {
		await redis?.flush();
		const roomCount = people / 2;
		const roomIds = await createRooms(kind, started.ports[0]!, roomCount, `${kind.name}-storm`);
		const connect = kind.clients(started.ports);
		const text = 'x'.repeat(50 * 1024);
		const seeders: { destroy(): void }[] = [];
		// Seed each room with a 50 KB document, and wait until the server holds it.
		for (const [index, room] of roomIds.entries()) {
			// The seeder stays connected: servers without storage (Hocuspocus here) unload a
			// document when its last connection leaves.
			const seeder = connect(room, index);
			seeders.push(seeder);
			await seeder.synced;
			seeder.doc.getText('notes').insert(0, text);
			const check = connect(room, index + 1);
			await check.synced;
			while (check.doc.getText('notes').length < text.length)
				await new Promise((r) => setTimeout(r, 10));
			check.destroy();
		}
		const joins: number[] = [];
		const clients: { destroy(): void }[] = [];
		let failed = 0;
		await Promise.all(
			Array.from({ length: people }, async (_, i) => {
				await new Promise((resolve) => setTimeout(resolve, i * 50));
				const begun = performance.now();
				const client = connect(roomIds[i % roomCount]!, i);
				clients.push(client);
				const synced = await Promise.race([
					client.synced.then(() => true),
					new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))
				]);
				if (synced && client.doc.getText('notes').length === text.length)
					joins.push(performance.now() - begun);
				else failed++;
			})
		);
		for (const client of [...clients, ...seeders]) client.destroy();
		return { server: kind.name, people, join: summarize(joins), failed };
	} finally {
		await started.stop();
	}
}

async function main(): Promise<void> {
	pinSelf();
	// Every stock y-websocket provider adds a process exit listener; thousands are expected here.
	process.setMaxListeners(0);
	const needsRedis = kinds.some((kind) => kind.redis);
	const redis = needsRedis ? await startRedis() : undefined;
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
	if (soak) {
		const [kind] = kinds;
		if (!kind || kinds.length !== 1) throw new Error('--soak runs against one of --servers');
		const settings = {
			rooms: Number(args.get('rooms') ?? 300),
			durationMs,
			sessionMs: parseDuration(args.get('session') ?? '5m'),
			sampleEveryMs: parseDuration(args.get('sample') ?? '10s')
		};
		if (!Object.values(settings).every((value) => value > 0))
			throw new Error(`--soak needs positive numbers: ${JSON.stringify(settings)}`);
		await soakScenario(kind, redis, settings, machine);
		await redis?.stop();
		return;
	}
	console.log(
		`Practice Room benchmarks on ${machine}\nrooms ${roomSteps.join(', ')}; ${durationMs} ms per run; ${repeats} runs per point\n`
	);

	const pairs: ScalingPoint[] = [];
	let scaling = runs('pairs') ? kinds : [];
	for (const rooms of roomSteps) {
		const runsOf = new Map(scaling.map((kind) => [kind, [] as Measured[]]));
		// The servers take turns run by run: a burst of other work on the machine (the cores are
		// shared) then weighs on each of them alike, not on whichever server was running.
		for (let run = 0; run < repeats; run++) {
			for (const kind of scaling) {
				runsOf.get(kind)!.push(
					await measured(kind, redis, rooms, 2, (connect, roomIds, onConnected) =>
						runRoomWorkload(connect, {
							rooms: roomIds,
							people: 2,
							projectors: 1,
							durationMs,
							onConnected
						})
					)
				);
			}
		}
		scaling = scaling.filter((kind) => {
			const runs = runsOf.get(kind)!.sort((a, b) => a.latency.p99 - b.latency.p99);
			const { result, ...figures } = runs[Math.floor(runs.length / 2)]!;
			const cpuRuns = runs.map((r) => r.cpuMicrosPerUpdate);
			pairs.push({
				...figures,
				p99Runs: runs.map((r) => r.latency.p99),
				cpuMicrosPerUpdateRuns: cpuRuns
			});
			console.log(
				`pairs  ${kind.name.padEnd(22)} ${String(rooms).padStart(5)} rooms  p99 ${figures.latency.p99.toFixed(1)} ms  cursor p99 ${figures.presenceLatency?.p99.toFixed(1)} ms  generator loop p99 ${figures.generatorLoopDelayP99Ms?.toFixed(1)} ms  joins failed ${result.failedJoins}  cpu µs/update ${cpuRuns.map((c) => c.toFixed(0)).join(' / ')}`
			);
			// A server stops scaling here.
			return figures.latency.p99 <= P99_LIMIT_MS && result.failedJoins === 0;
		});
	}
	// Reported server by server, as the servers were chosen.
	const order = (server: string) => kinds.findIndex((kind) => kind.name === server);
	pairs.sort((a, b) => order(a.server) - order(b.server) || a.rooms - b.rooms);

	const circles: ScalingPoint[] = [];
	for (const kind of runs('circles') ? kinds : []) {
		for (const [people, rooms] of quick
			? [[6, 5]]
			: [
					[6, 50],
					[12, 25]
				]) {
			const { result, ...figures } = await measured(
				kind,
				redis,
				rooms!,
				people!,
				(connect, roomIds, onConnected) =>
					runRoomWorkload(connect, {
						rooms: roomIds,
						people: people!,
						projectors: 1,
						durationMs,
						onConnected
					})
			);
			circles.push({ ...figures, server: `${kind.name} (${people})` });
			console.log(
				`circle ${kind.name.padEnd(20)} ${people} people × ${rooms} rooms  p99 ${figures.latency.p99.toFixed(1)} ms  joins failed ${result.failedJoins}`
			);
		}
	}

	const storms = [];
	for (const kind of runs('storm') ? kinds : []) storms.push(await joinStorm(kind, redis));

	const reconnects = [];
	for (const kind of runs('reconnect') ? kinds : []) {
		const started = await startKind(kind, redis);
		try {
			const roomIds = await createRooms(
				kind,
				started.ports[0]!,
				quick ? 10 : 50,
				`${kind.name}-reconnect`
			);
			reconnects.push({
				server: kind.name,
				...(await reconnectToConverged(kind.clients(started.ports), roomIds))
			});
		} finally {
			await started.stop();
		}
	}

	const memory = [];
	for (const kind of runs('memory') ? kinds.filter((k) => !k.redis) : [])
		memory.push(await idleMemory(kind, redis, quick ? 50 : 500, 2));

	let page: PageFigures | undefined;
	if (runs('page') && !args.has('no-page')) page = await measureRoomPage(quick ? 2 : 5);

	let restart: RestartFigures | undefined;
	if (runs('start')) restart = await measureRestart(quick ? 2 : 5);

	await redis?.stop();

	const date = new Date().toISOString().slice(0, 10);
	const results = {
		date,
		machine,
		...codeVersion(),
		durationMs,
		repeats,
		roomSteps,
		pairs,
		circles,
		storms,
		reconnects,
		memory,
		page,
		restart
	};
	mkdirSync('bench/results', { recursive: true });
	// --name=cross-instance names the file after what the run is for, instead of its scenarios.
	const name = [date, quick ? 'quick' : '', args.get('name') ?? only?.join('-') ?? '']
		.filter(Boolean)
		.join('-');
	writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(results, null, '\t')}\n`);
	writeFileSync(`bench/results/${name}-latency.svg`, latencyChart(pairs));

	console.log('\nPairs (2 people + 1 projector per room)\n' + scalingTable(pairs, 'y-websocket'));
	if (pairs.some((point) => point.redis))
		console.log('\nPairs: Redis per typed update\n' + redisTable(pairs));
	if (pairs.some((point) => point.server === CROSS_INSTANCE.ours))
		console.log('\nPairs across two instances\n' + crossInstanceTable(pairs, CROSS_INSTANCE));
	console.log('\nCircles\n' + scalingTable(circles, 'y-websocket (6)'));
	console.log('\nJoin storm (50 KB documents, 20 joins/s)');
	for (const storm of storms) {
		console.log(
			`  ${storm.server.padEnd(20)} p50 ${storm.join.p50.toFixed(1)} ms  p99 ${storm.join.p99.toFixed(1)} ms  failed ${storm.failed}`
		);
	}
	console.log('\nReconnect to converged (20 edits made while away)');
	for (const r of reconnects) {
		console.log(
			`  ${r.server.padEnd(20)} p50 ${r.converged.p50.toFixed(1)} ms  p99 ${r.converged.p99.toFixed(1)} ms  failed ${r.failed}`
		);
	}
	console.log('\nIdle memory after GC (2 people per room)');
	for (const m of memory) {
		console.log(
			`  ${m.server.padEnd(20)} ${m.people} people: ${m.rssKiBPerPerson.toFixed(1)} KiB RSS, ${m.heapKiBPerPerson.toFixed(1)} KiB heap per person (young generation ${m.youngKiBPerPerson.toFixed(1)}); after a memory-reducing GC ${m.reducedRssKiBPerPerson.toFixed(1)} KiB RSS, ${m.reducedHeapKiBPerPerson.toFixed(1)} KiB heap`
		);
	}
	if (page) {
		console.log(
			`\nHome page: ${page.homeJsGzipKiB.toFixed(1)} KiB JS (gzip)` +
				`\nRoom page: ${page.jsGzipKiB.toFixed(1)} KiB JS, ${page.cssGzipKiB.toFixed(1)} KiB CSS (gzip); first synced state ${page.firstSyncMs.toFixed(0)} ms (median of ${page.firstSyncRuns.length})`
		);
	}
	if (restart) {
		console.log(
			`\nnpm start again (build current): serving in ${restart.restartMs.toFixed(0)} ms (median of ${restart.restartRuns.length})`
		);
	}
	console.log(`\nWrote bench/results/${name}.json and bench/results/${name}-latency.svg`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	}
);
