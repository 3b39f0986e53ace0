import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchClient, Connect } from './clients';
import { deliveryFaults, summarize, type Summary } from './stats';

export interface RoomWorkload {
	/** Room names, already created where the server needs that. */
	rooms: string[];
	/** People per room; the first one types, all of them move their cursor. */
	people: number;
	/** Read-only screens per room (a projector): they receive, never write. */
	projectors: number;
	durationMs: number;
	/** Called once a minute per room, for a timer or phase change. */
	onMinute?: (roomIndex: number) => void;
	/** Called when everyone is connected, just before the traffic starts (to start measuring). */
	onConnected?: () => Promise<void>;
}

export interface WorkloadResult {
	rooms: number;
	connections: number;
	updatesSent: number;
	/** Update-to-every-peer latency in ms, one sample per receiver and update. */
	latency: Summary;
	/** Cursor-move-to-every-peer latency in ms (awareness), one sample per receiver and move. */
	presenceLatency: Summary;
	/**
	 * The load generator's own event-loop delay p99 in ms during the traffic: where it nears the
	 * latency, the clients' work, not the server's, is what the latency measures.
	 */
	generatorLoopDelayP99Ms: number;
	dropped: number;
	duplicated: number;
	/** Connect to first full sync, in ms. */
	join: Summary;
	/** Connections that never synced. */
	failedJoins: number;
}

const TYPING_MS = 200; // 5 updates a second
const CURSOR_MS = 500; // awareness at 2 Hz
const SCRIPT_MS = 5_000;
const MINUTE_MS = 60_000;
const JOIN_TIMEOUT_MS = 30_000;
const GENERATOR_DELAY_RESOLUTION_MS = 10;
/** Samples from the first second are left out: JIT warm-up, not steady state. */
const WARM_UP_MS = 1_000;

const letters = 'abcdefghijklmnopqrstuvwxyz ';
const someLetters = () =>
	Array.from(
		{ length: 1 + Math.floor(Math.random() * 3) },
		() => letters[Math.floor(Math.random() * letters.length)]
	).join('');

/**
 * Which instance (of however many serve the rooms; `Connect` takes it modulo) a room's person
 * connects to: the first person (the typist) to one, everyone else to the next, alternating by
 * room. With two instances every receiver is on the other instance from the sender, and each
 * instance holds as many typists as the other.
 */
export const instanceOf = (roomIndex: number, person: number) =>
	person === 0 ? roomIndex : roomIndex + 1;

/** Connects everyone, answering each connection's time to first sync (undefined if it never synced). */
export async function connectAll(
	connect: Connect,
	rooms: string[],
	perRoom: number
): Promise<{ clients: BenchClient[][]; joinMs: (number | undefined)[] }> {
	const joinMs: (number | undefined)[] = [];
	const clients = rooms.map((room, roomIndex) =>
		Array.from({ length: perRoom }, (_, i) => {
			const started = performance.now();
			const client = connect(room, instanceOf(roomIndex, i));
			const index = joinMs.push(undefined) - 1;
			void client.synced.then(() => (joinMs[index] = performance.now() - started));
			return client;
		})
	);
	const deadline = performance.now() + JOIN_TIMEOUT_MS;
	while (joinMs.some((ms) => ms === undefined) && performance.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return { clients, joinMs };
}

/**
 * Reconnect to converged: in each room one person drops their connection, the other makes 20
 * edits meanwhile, then the first reconnects; measured from reconnecting until both documents
 * hold the same text.
 */
export async function reconnectToConverged(
	connect: Connect,
	rooms: string[]
): Promise<{ converged: Summary; failed: number }> {
	const { clients } = await connectAll(connect, rooms, 2);
	const times = await Promise.all(
		clients.map(async ([stays, returns]) => {
			if (!stays || !returns) return Number.NaN;
			returns.disconnect();
			for (let i = 0; i < 20; i++) stays.doc.getText('notes').insert(0, someLetters());
			const target = stays.doc.getText('notes').toString();
			const started = performance.now();
			returns.reconnect();
			const deadline = started + 30_000;
			while (returns.doc.getText('notes').toString() !== target && performance.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 2));
			}
			return performance.now() < deadline ? performance.now() - started : Number.NaN;
		})
	);
	for (const client of clients.flat()) client.destroy();
	const converged = times.filter((ms) => Number.isFinite(ms));
	return { converged: summarize(converged), failed: times.length - converged.length };
}

/** What a stretch of traffic sent and what its receivers missed or saw twice. */
export interface TrafficCounts {
	updatesSent: number;
	dropped: number;
	duplicated: number;
}

export interface Traffic {
	/** Stops sending, waits (up to 5 s) for the last updates to arrive, and counts. */
	stop(): Promise<TrafficCounts>;
}

export interface TrafficOptions {
	/** People per room; the first one types, all of them move their cursor. */
	people: number;
	/** Where each update-to-peer latency (ms) goes; samples from the warm-up are left out. */
	latencies: number[];
	/** Where each cursor-move-to-peer latency (ms) goes, likewise. */
	presenceLatencies?: number[];
	/** Called once a `minuteMs` per room, for a timer or phase change. */
	onMinute?: (roomIndex: number) => void;
	/** Default a minute; shorter in tests. */
	minuteMs?: number;
}

/**
 * Starts the traffic of a room workload in rooms whose clients are connected. One typist per
 * room sends numbered updates (text plus a sequence number in the same transaction); every other
 * connection of the room records when each number arrives, on the same clock, so dropped and
 * duplicated numbers can be counted.
 */
export function startTraffic(clients: BenchClient[][], options: TrafficOptions): Traffic {
	const { latencies } = options;
	const workloadStart = performance.now();
	const timers: ReturnType<typeof setInterval>[] = [];
	const rooms = clients.map((roomClients, roomIndex) => {
		const sentAt: number[] = [];
		const seen = roomClients.slice(1).map((receiver) => {
			const numbers: number[] = [];
			// Numbers go into an array, not a map key: a provider that merges several updates into
			// one message (Hocuspocus batches) still delivers every number.
			receiver.doc.getArray<number>('seq').observe((event) => {
				const now = performance.now();
				for (const item of event.changes.added) {
					for (const n of item.content.getContent() as number[]) {
						numbers.push(n);
						const sent = sentAt[n];
						if (sent !== undefined && sent - workloadStart >= WARM_UP_MS)
							latencies.push(now - sent);
					}
				}
			});
			return numbers;
		});
		const typist = roomClients[0]!;
		let sent = 0;
		const start = Math.random() * TYPING_MS;
		timers.push(
			setTimeout(() => {
				timers.push(
					setInterval(() => {
						const n = ++sent;
						sentAt[n] = performance.now();
						typist.doc.transact(() => {
							const text = typist.doc.getText('notes');
							text.insert(text.length, someLetters());
							typist.doc.getArray<number>('seq').push([n]);
						});
					}, TYPING_MS)
				);
			}, start),
			setInterval(() => {
				typist.doc.getArray('script').push([{ role: 'speaker', text: someLetters() }]);
			}, SCRIPT_MS)
		);
		// A cursor is the time it moved, on the load generator's one clock: each receiver notes
		// when the move arrived.
		const people = roomClients.slice(0, options.people);
		for (const person of people) {
			timers.push(
				setTimeout(() => {
					timers.push(
						setInterval(
							() => person.awareness.setLocalStateField('cursor', performance.now()),
							CURSOR_MS
						)
					);
				}, Math.random() * CURSOR_MS)
			);
		}
		const { presenceLatencies } = options;
		if (presenceLatencies) {
			for (const receiver of roomClients) {
				const movers = new Set(
					people.filter((p) => p !== receiver).map((p) => p.awareness.clientID)
				);
				const noteMoves = ({ added, updated }: { added: number[]; updated: number[] }) => {
					const now = performance.now();
					for (const id of [...added, ...updated]) {
						const moved: unknown = receiver.awareness.getStates().get(id)?.['cursor'];
						if (movers.has(id) && typeof moved === 'number' && moved - workloadStart >= WARM_UP_MS)
							presenceLatencies.push(now - moved);
					}
				};
				// A person's first state arrives as added, every later move as updated.
				receiver.awareness.on('change', noteMoves);
			}
		}
		const { onMinute } = options;
		if (onMinute)
			timers.push(setInterval(() => onMinute(roomIndex), options.minuteMs ?? MINUTE_MS));
		return { seen, sent: () => sent };
	});

	return {
		async stop() {
			for (const timer of timers) clearInterval(timer);
			// Let the last updates arrive before counting what is missing.
			const deadline = performance.now() + 5_000;
			const complete = () =>
				rooms.every((room) =>
					room.seen.every((numbers) => numbers.includes(room.sent()) || room.sent() === 0)
				);
			while (!complete() && performance.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 20));
			const counts: TrafficCounts = { updatesSent: 0, dropped: 0, duplicated: 0 };
			for (const room of rooms) {
				counts.updatesSent += room.sent();
				for (const numbers of room.seen) {
					const faults = deliveryFaults(room.sent(), numbers);
					counts.dropped += faults.dropped;
					counts.duplicated += faults.duplicated;
				}
			}
			return counts;
		}
	};
}

/**
 * Connects everyone, runs the traffic (`startTraffic`) for `durationMs`, and answers latency,
 * delivery faults and join times.
 */
export async function runRoomWorkload(
	connect: Connect,
	spec: RoomWorkload
): Promise<WorkloadResult> {
	const perRoom = spec.people + spec.projectors;
	const { clients, joinMs } = await connectAll(connect, spec.rooms, perRoom);
	await spec.onConnected?.();
	const latencies: number[] = [];
	const presenceLatencies: number[] = [];
	const generatorDelay = monitorEventLoopDelay({ resolution: GENERATOR_DELAY_RESOLUTION_MS });
	generatorDelay.enable();
	const traffic = startTraffic(clients, {
		people: spec.people,
		latencies,
		presenceLatencies,
		onMinute: spec.onMinute
	});
	await new Promise((resolve) => setTimeout(resolve, spec.durationMs));
	const counts = await traffic.stop();
	generatorDelay.disable();
	for (const client of clients.flat()) client.destroy();
	const joined = joinMs.filter((ms): ms is number => ms !== undefined);
	return {
		rooms: spec.rooms.length,
		connections: spec.rooms.length * perRoom,
		...counts,
		latency: summarize(latencies),
		presenceLatency: summarize(presenceLatencies),
		// The histogram includes its own sampling interval; what is left is real delay.
		generatorLoopDelayP99Ms: Math.max(
			0,
			generatorDelay.percentile(99) / 1e6 - GENERATOR_DELAY_RESOLUTION_MS
		),
		join: summarize(joined),
		failedJoins: joinMs.length - joined.length
	};
}
