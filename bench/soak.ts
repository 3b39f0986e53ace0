import type { Connect } from './clients';
import type { ServerSample } from './metrics-scrape';
import type { RoomPresence } from './presence';
import { median, memoryTrend, summarize, type MemoryTrend, type Summary } from './stats';
import { connectAll, startTraffic, type TrafficCounts } from './workloads';

/** Pairs, as in the pairs scenario: two people and a projector per room. */
const PEOPLE = 2;
const PROJECTORS = 1;
/** A stretch shorter than this at the end of the run starts no new session. */
const SHORTEST_SESSION_MS = 1_000;

export interface SoakOptions {
	/** Rooms in use at every moment. */
	rooms: number;
	durationMs: number;
	/**
	 * How long one room's session lasts; then its people leave and a new room takes its place.
	 * A document that only grows would grow memory by design; sessions that end let memory reach
	 * a steady state, and send rooms through loading and unloading, where leaks hide.
	 */
	sessionMs: number;
	sampleEveryMs: number;
	connect: Connect;
	/** Starts a room and answers its id. */
	newRoom(): Promise<string>;
	/** Joins a room's people over socket.io, as the browser does, with the agreements confirmed. */
	joinPresence?(roomId: string, slot: number): Promise<RoomPresence>;
	sample(): Promise<ServerSample>;
	/** Called with each sample as it is taken (progress for a long run). */
	onSample?(sample: SoakSample): void;
	/** How often each room's timer starts or pauses; default a minute (shorter in tests). */
	minuteMs?: number;
}

export interface SoakSample extends ServerSample {
	/** Milliseconds since the run started. */
	atMs: number;
	/** Sessions with traffic at that moment. */
	sessions: number;
}

export interface SoakResult extends TrafficCounts {
	rooms: number;
	durationMs: number;
	sessionMs: number;
	sampleEveryMs: number;
	/** Sessions run, each in a room of its own. */
	sessions: number;
	/** Rooms the server did not start (the slot tried again a second later). */
	failedRoomStarts: number;
	/** Document connections that never synced. */
	failedJoins: number;
	/** Sessions whose people could not join over socket.io. */
	failedPresence: number;
	/** Timer starts and pauses the server accepted, and those refused or unanswered within 10 s. */
	controlChanges: number;
	refusedControlChanges: number;
	/** Samples the server did not answer (its /metrics failed). */
	missedSamples: number;
	latency: Summary;
	rss: MemoryTrend;
	heap: MemoryTrend;
	rssStartMiB: number;
	rssEndMiB: number;
	/** Median and maximum of the event-loop delay p99s of the sampling intervals. */
	eventLoopDelayP99Ms: { median: number; max: number };
	samples: SoakSample[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * The soak: `rooms` rooms of pairs traffic at every moment for `durationMs`, each room's session
 * replaced by a fresh room when it ends (first sessions are staggered so that rooms end one by
 * one), with the server sampled every `sampleEveryMs`. Memory is judged on the second half.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
	const started = performance.now();
	const endAt = started + options.durationMs;
	const latencies: number[] = [];
	const totals = {
		updatesSent: 0,
		dropped: 0,
		duplicated: 0,
		sessions: 0,
		failedJoins: 0,
		failedPresence: 0,
		controlChanges: 0,
		refusedControlChanges: 0,
		missedSamples: 0,
		failedRoomStarts: 0
	};
	let active = 0;

	async function session(slot: number, lengthMs: number): Promise<void> {
		const roomId = await options.newRoom().catch(() => undefined);
		if (roomId === undefined) {
			totals.failedRoomStarts++;
			// The slot tries again in a moment rather than hammering a server that refuses.
			await sleep(1_000);
			return;
		}
		const { clients, joinMs } = await connectAll(options.connect, [roomId], PEOPLE + PROJECTORS);
		totals.failedJoins += joinMs.filter((ms) => ms === undefined).length;
		const presence = await options.joinPresence?.(roomId, slot).catch(() => {
			totals.failedPresence++;
			return undefined;
		});
		let minutes = 0;
		const commands: Promise<void>[] = [];
		const changeTimer = () => {
			if (!presence) return;
			const command = minutes++ % 2 === 0 ? 'timer.start' : 'timer.pause';
			commands.push(
				presence.command({ type: command }).then(
					(ok) => void (ok ? totals.controlChanges++ : totals.refusedControlChanges++),
					() => void totals.refusedControlChanges++
				)
			);
		};
		active++;
		const traffic = startTraffic(clients, {
			people: PEOPLE,
			latencies,
			onMinute: changeTimer,
			minuteMs: options.minuteMs
		});
		await sleep(Math.min(lengthMs, endAt - performance.now()));
		const counts = await traffic.stop();
		// Leaving cuts off answers still on their way: wait for them first.
		await Promise.all(commands);
		active--;
		totals.updatesSent += counts.updatesSent;
		totals.dropped += counts.dropped;
		totals.duplicated += counts.duplicated;
		totals.sessions++;
		presence?.leave();
		for (const client of clients.flat()) client.destroy();
	}

	async function slot(index: number): Promise<void> {
		// The first session of slot i lasts (i + 1) / rooms of a session: rooms end one by one.
		let lengthMs = (options.sessionMs * (index + 1)) / options.rooms;
		while (endAt - performance.now() >= SHORTEST_SESSION_MS) {
			await session(index, lengthMs);
			lengthMs = options.sessionMs;
		}
	}

	const samples: SoakSample[] = [];
	const takeSample = async () => {
		const sample = { atMs: performance.now() - started, sessions: active };
		try {
			const taken = { ...sample, ...(await options.sample()) };
			samples.push(taken);
			options.onSample?.(taken);
		} catch {
			totals.missedSamples++;
		}
	};
	// Before any room: the baseline.
	await takeSample();
	let sampling = Promise.resolve();
	const sampler = setInterval(() => {
		// One at a time: a slow answer delays the next sample rather than piling up requests.
		sampling = sampling.then(takeSample);
	}, options.sampleEveryMs);
	try {
		await Promise.all(Array.from({ length: options.rooms }, (_, index) => slot(index)));
	} finally {
		clearInterval(sampler);
		await sampling;
	}

	const during = samples.slice(1);
	const loopDelays = during.map((s) => s.eventLoopDelayP99Ms);
	const mib = (bytes: number | undefined) => (bytes ?? Number.NaN) / 2 ** 20;
	return {
		rooms: options.rooms,
		durationMs: options.durationMs,
		sessionMs: options.sessionMs,
		sampleEveryMs: options.sampleEveryMs,
		...totals,
		latency: summarize(latencies),
		rss: memoryTrend(
			samples.map((s) => ({ atMs: s.atMs, bytes: s.rssBytes })),
			options.durationMs
		),
		heap: memoryTrend(
			samples.map((s) => ({ atMs: s.atMs, bytes: s.heapUsedBytes })),
			options.durationMs
		),
		rssStartMiB: mib(samples[0]?.rssBytes),
		rssEndMiB: mib(samples.at(-1)?.rssBytes),
		eventLoopDelayP99Ms: {
			median: loopDelays.length > 0 ? median(loopDelays) : Number.NaN,
			max: loopDelays.length > 0 ? Math.max(...loopDelays) : Number.NaN
		},
		samples
	};
}
