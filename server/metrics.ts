import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import packageJson from '../package.json' with { type: 'json' };

/**
 * What went wrong, for `practice_room_errors_total` (the log has the details): `http` a 500
 * answer from the API or the server itself, `unavailable` a 503 answer (a backend such as Redis
 * down or not answering in time), `page` a page that failed to render (SvelteKit's handleError).
 */
export const ERROR_KINDS = [
	'http',
	'unavailable',
	'page',
	'socket',
	'yjs',
	'storage',
	'malformed_frame'
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * Which rule refused an HTTP request, for `practice_room_refused_requests_total`: the hourly
 * limits per address (429: room starts, L5; team writes, L6; community playbook saves, C1;
 * pairing writes, LP1; circle writes, LC1), the community library full (507, C2), a library
 * search past the line of those waiting (503, C5), a write from another site's page (403), a
 * body not sent as JSON (415), too large (413) or nested too deeply (400).
 */
export const REFUSED_REQUESTS = [
	'room_starts',
	'clip_uploads',
	'team_writes',
	'playbook_saves',
	'playbook_cap',
	'pairing_writes',
	'library_searches',
	'circle_writes',
	'cross_origin',
	'media_type',
	'body_size',
	'json_depth'
] as const;
export type RefusedRequest = (typeof REFUSED_REQUESTS)[number];

/**
 * Why a client's write was refused, for `practice_room_refused_writes_total`: a write to the
 * server's control map (rule Y3, counted per item or deletion taken out), an update under or
 * waiting for a server's client id (Y3), any write from a projector (Y8), or an abuse limit (too
 * many messages on a connection, a room document at its size limit, a text over its length
 * limit, an update that would leave too much waiting for changes the room lacks, L7, an
 * awareness state over its size, L8).
 */
export const REFUSED_WRITES = [
	'control',
	'server_client',
	'projector',
	'message_rate',
	'document_size',
	'text_length',
	'waiting',
	'awareness_size'
] as const;
export type RefusedWrite = (typeof REFUSED_WRITES)[number];

/** What a room relayed to its connections, for `practice_room_updates_relayed_total`. */
export const RELAYED_UPDATES = ['document', 'awareness'] as const;
export type RelayedUpdate = (typeof RELAYED_UPDATES)[number];

/** The counts read from the server's own state at each scrape. */
export type Measured = 'connectedPeople' | 'roomsInMemory' | 'documentConnections' | 'storageUp';

/** The part of the metrics rooms report to. */
export type RoomMetrics = Pick<Metrics, 'error' | 'updateRelayed' | 'documentRelayed'>;

/**
 * Buckets for the latency histograms, in seconds: a change relayed or a command decided in a
 * millisecond is healthy; seconds mean a slow backend or a busy event loop.
 */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * One server's Prometheus metrics (docs/operations.md), in a registry of its own: several
 * servers in one process (the tests) each count their own. Labels are fixed kinds, never room
 * ids or anything people wrote.
 */
export class Metrics {
	readonly registry = new Registry();
	readonly #counts = new Map<Measured, () => number>();
	readonly #errors: Counter<'kind'>;
	readonly #refusedWrites: Counter<'reason'>;
	/**
	 * Relayed changes counted since the last scrape, added to their counter when it is read: one
	 * or two per change is the hottest count, and prom-client hashes the labels on every `inc`.
	 */
	readonly #relayedSinceScrape: Record<RelayedUpdate, number> = { document: 0, awareness: 0 };
	readonly #refusedRequests: Counter<'reason'>;
	readonly #roomsCreated: Counter;
	readonly #documentRelay: Histogram;
	readonly #commandTime: Histogram;

	constructor() {
		// Process metrics, event-loop delay among them (nodejs_eventloop_lag_*_seconds).
		collectDefaultMetrics({ register: this.registry });
		this.#gauge(
			'practice_room_connected_people',
			'People joined to a room over socket.io on this server.',
			'connectedPeople'
		);
		this.#gauge('practice_room_rooms_in_memory', 'Rooms loaded in memory.', 'roomsInMemory');
		this.#gauge(
			'practice_room_document_connections',
			'Open Yjs document connections.',
			'documentConnections'
		);
		this.#gauge(
			'practice_room_storage_up',
			'1 while the storage backend is connected (always, for the embedded one), 0 while Redis is down.',
			'storageUp'
		);
		this.#errors = this.#counter(
			'practice_room_errors_total',
			'Errors, by kind.',
			'kind',
			ERROR_KINDS
		);
		this.#refusedWrites = this.#counter(
			'practice_room_refused_writes_total',
			'Client writes the server refused, by reason.',
			'reason',
			REFUSED_WRITES
		);
		const relayed = this.#relayedSinceScrape;
		new Counter({
			name: 'practice_room_updates_relayed_total',
			help: 'Changes applied to a room in memory and relayed to its connections, by type.',
			labelNames: ['type'],
			registers: [this.registry],
			collect() {
				for (const type of RELAYED_UPDATES) {
					this.inc({ type }, relayed[type]);
					relayed[type] = 0;
				}
			}
		});
		this.#refusedRequests = this.#counter(
			'practice_room_refused_requests_total',
			'HTTP requests refused by a limit or rule, by reason.',
			'reason',
			REFUSED_REQUESTS
		);
		this.#roomsCreated = new Counter({
			name: 'practice_room_rooms_created_total',
			help: 'Rooms started on this server.',
			registers: [this.registry]
		});
		this.#documentRelay = new Histogram({
			name: 'practice_room_document_relay_seconds',
			help: 'From a client’s document change reaching this server to its being in the room’s log, where every instance relays it from.',
			buckets: LATENCY_BUCKETS,
			registers: [this.registry]
		});
		this.#commandTime = new Histogram({
			name: 'practice_room_command_seconds',
			help: 'Time to decide and answer a room command (control:command).',
			buckets: LATENCY_BUCKETS,
			registers: [this.registry]
		});
		new Gauge({
			name: 'practice_room_build_info',
			help: 'Always 1; the labels say which release runs on which Node.js.',
			labelNames: ['version', 'node'],
			registers: [this.registry]
		}).set({ version: packageJson.version, node: process.versions.node }, 1);
	}

	/** Reads `what` from `count` at each scrape; until then it reads 0. */
	measure(what: Measured, count: () => number): void {
		this.#counts.set(what, count);
	}

	error(kind: ErrorKind): void {
		this.#errors.inc({ kind });
	}

	refusedWrite(reason: RefusedWrite, count = 1): void {
		this.#refusedWrites.inc({ reason }, count);
	}

	updateRelayed(type: RelayedUpdate): void {
		this.#relayedSinceScrape[type]++;
	}

	refusedRequest(reason: RefusedRequest): void {
		this.#refusedRequests.inc({ reason });
	}

	roomCreated(): void {
		this.#roomsCreated.inc();
	}

	/** A batch of document changes reached the log `seconds` after the first of them arrived. */
	documentRelayed(seconds: number): void {
		this.#documentRelay.observe(seconds);
	}

	commandHandled(seconds: number): void {
		this.#commandTime.observe(seconds);
	}

	/** The Prometheus text exposition of every metric. */
	scrape(): Promise<string> {
		return this.registry.metrics();
	}

	#gauge(name: string, help: string, what: Measured): void {
		const counts = this.#counts;
		new Gauge({
			name,
			help,
			registers: [this.registry],
			collect() {
				this.set(counts.get(what)?.() ?? 0);
			}
		});
	}

	/** A counter with every value of its label present from the start, at 0. */
	#counter<L extends string>(
		name: string,
		help: string,
		label: L,
		values: readonly string[]
	): Counter<L> {
		const counter = new Counter({ name, help, labelNames: [label], registers: [this.registry] });
		for (const value of values) counter.labels(value).inc(0);
		return counter;
	}
}
