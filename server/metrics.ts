import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** What went wrong, for `practice_room_errors_total` (the log has the details). */
export const ERROR_KINDS = ['http', 'socket', 'yjs', 'storage', 'malformed_frame'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * Why a client's write was refused, for `practice_room_refused_writes_total`: a write to the
 * server's control map (rule Y3), any write from a projector (Y8), or an abuse limit (too many
 * messages, a room document at its size limit, a text over its length limit).
 */
export const REFUSED_WRITES = [
	'control',
	'projector',
	'message_rate',
	'document_size',
	'text_length'
] as const;
export type RefusedWrite = (typeof REFUSED_WRITES)[number];

/** What a room relayed to its connections, for `practice_room_updates_relayed_total`. */
export const RELAYED_UPDATES = ['document', 'awareness'] as const;
export type RelayedUpdate = (typeof RELAYED_UPDATES)[number];

/** The counts read from the server's own state at each scrape. */
export type Measured = 'connectedPeople' | 'roomsInMemory' | 'documentConnections';

/** The part of the metrics rooms report to. */
export type RoomMetrics = Pick<Metrics, 'error' | 'updateRelayed'>;

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
	readonly #updatesRelayed: Counter<'type'>;

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
		this.#updatesRelayed = this.#counter(
			'practice_room_updates_relayed_total',
			'Changes applied to a room in memory and relayed to its connections, by type.',
			'type',
			RELAYED_UPDATES
		);
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
		this.#updatesRelayed.inc({ type });
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
