import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import {
	CONTROL_MAP,
	controlStateSchema,
	type ControlCommand,
	type ControlState,
	type Person
} from '../../src/lib/protocol/control';
import type { RoomMeta } from '../../src/lib/protocol/http';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { ratingKey } from '../../src/lib/protocol/room-content';
import type { RefusalReason } from '../../src/lib/protocol/socket-events';
import {
	initialControlState,
	sessionPlan,
	startHistory,
	type ControlResult
} from '../../src/lib/room/control';
import {
	applyRoomCommand,
	claimHost,
	everyoneAgreesToErase,
	settleRoom,
	type Actor
} from '../../src/lib/room/room-rules';
import { revealIfDue, submitRating } from '../../src/lib/room/ratings';
import { planSteps } from '../../src/lib/room/steps';
import { log } from '../log';
import type { RoomMetrics } from '../metrics';
import { sealedDocId, type DocStore, type StoredDoc } from '../storage/doc-store';
import { SealedValues, type ParticipantKeyCheck } from './sealed-values';
import { ClientUpdateGate } from '../yjs/client-update-gate';
import type { UpdateRefusal } from '../limits/document-limits';
import { isAfter, type Fanout, type FanoutEntry } from '../fanout/fanout';
import { AwarenessRelay } from '../fanout/awareness-relay';
import type { RoomLock } from './room-lock';
import {
	docAdmission,
	type AccessState,
	type DocAdmission,
	type DocCredentials
} from './doc-access';
import { DocConnections, type DocConnectionEnd } from './doc-connections';
import { migrateRoomDoc, refuseNewerRoomDoc } from './room-doc-version';

/** The origin of the server's own transactions on a room document. */
export const SERVER_ORIGIN = Symbol('server');
/** The origin of changes that other instances stored (server/fanout): already in the log. */
export const REMOTE_ORIGIN = Symbol('remote');

/** People the summary names at most; joins beyond it (a client inventing ids) are not recorded. */
const MAX_PEOPLE = 100;
/** How long a decision waits for the other instances' changes to arrive before going ahead. */
const CATCH_UP_MS = 2_000;
/** After this many appended log entries the log is folded into the snapshot. */
const COMPACT_EVERY = 500;
/**
 * With one instance, changes are stored at most this long after they happen, merged into one
 * log entry: one write for a burst of typing instead of one per keystroke. With the SQLite
 * store's 20 ms commit batching, a crash loses at most about 120 ms, well inside the promise
 * that a restart loses no edit older than one second. With several instances the log is also
 * how changes reach the others, so they are stored at once (see {@link RoomIo}).
 */
export const STORE_WITHIN_MS = 100;
/** After a failed store, the changes are tried again this much later. */
const RETRY_STORE_MS = 1_000;

interface Scheduled {
	cancel(): void;
}

/**
 * Runs `work` after `ms`, or for 0 at the end of this turn of the event loop: `setTimeout` would
 * wait at least 1 ms, on every update's way to the other instances.
 */
function after(ms: number, work: () => void): Scheduled {
	if (ms === 0) {
		const immediate = setImmediate(work);
		return { cancel: () => clearImmediate(immediate) };
	}
	const timer = setTimeout(work, ms);
	return { cancel: () => clearTimeout(timer) };
}

const byteLengthOf = (updates: Uint8Array[]) =>
	updates.reduce((total, update) => total + update.byteLength, 0);

/** Writes a control state into a document's control map, only the keys that changed. */
function writeControl(doc: Y.Doc, next: ControlState): void {
	const map = doc.getMap(CONTROL_MAP);
	doc.transact(() => {
		for (const [key, value] of Object.entries(next)) {
			if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
		}
	}, SERVER_ORIGIN);
}

/**
 * The first stored update of a new room: its control map at the playbook's first phase, at the
 * latest schema version.
 */
export function initialRoomUpdate(playbook: Playbook): Uint8Array {
	const doc = new Y.Doc();
	writeControl(doc, initialControlState(playbook));
	migrateRoomDoc(doc, 'A new room', SERVER_ORIGIN);
	return Y.encodeStateAsUpdate(doc);
}

export type RateResult = { ok: true } | { ok: false; message: string; reason: RefusalReason };

/** What became of a client's update: applied (less its writes to control), or refused whole. */
export type ClientUpdateResult =
	{ applied: true; stripped: number } | { applied: false; refused: UpdateRefusal };

export type { DocConnectionEnd } from './doc-connections';

/** How a loaded room reaches storage and the other instances. */
export interface RoomIo {
	store: DocStore;
	fanout: Fanout;
	/** How long changes are collected before they are stored as one entry, in ms. */
	storeWithinMs: number;
	/** Decisions on the control state one at a time across instances. */
	lock: RoomLock;
	metrics?: RoomMetrics | undefined;
}

/**
 * A room document in memory: every change to it is appended to the store as it happens, and
 * the server's writes are confined to the control map.
 */
export class LoadedRoom {
	readonly doc = new Y.Doc();
	readonly awareness = new Awareness(this.doc);
	/** The control guard and the limits on clients' updates (protocol Y3, L3, L4, L7). */
	readonly #gate: ClientUpdateGate;
	#persisting: Promise<void> = Promise.resolve();
	/** Changes not yet handed to the store, and the timer that will hand them over. */
	#unstored: Uint8Array[] = [];
	/** When the oldest of them arrived (performance.now()), for the relay-latency histogram. */
	#unstoredSince: number | undefined;
	#storeTimer: Scheduled | undefined;
	/** A store failed since the last snapshot: closing must write a whole one. */
	#storeFailed = false;
	#closing = false;
	/** The room is being erased: nothing of it is stored any more. */
	#discarded = false;
	/** Position of the last log entry this copy has (from the fan-out), for compaction. */
	#cursor: string | undefined;
	/** The same for the sealed document: a decision waits until both have caught up. */
	#sealedCursor: string | undefined;
	/** Decisions waiting for the positions to move (see #catchUp). */
	readonly #positionWaiters = new Set<() => void>();
	#appendedSinceCompaction = 0;
	/** Stops following the documents and awareness through the fan-out. */
	readonly #unfollow: (() => void)[];
	readonly #awarenessRelay: AwarenessRelay;

	/** Ratings not yet revealed, and the room's secrets. */
	readonly #sealed: SealedValues;
	/** Document connections, to close when the room stops admitting them or is erased. */
	readonly #docConnections = new DocConnections();
	/** Decisions on the control state run in order (see #decide). */
	#settling: Promise<unknown> = Promise.resolve();

	private constructor(
		readonly meta: RoomMeta,
		readonly playbook: Playbook,
		private readonly io: RoomIo,
		stored: StoredDoc,
		sealed: StoredDoc
	) {
		const { fanout, metrics } = io;
		this.#sealed = new SealedValues(io.store, meta.id, sealed);
		// The server's awareness has no local state: it only relays the clients'.
		this.awareness.setLocalState(null);
		for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
		// Before anything follows or stores it: a room from a newer release is left as it is.
		const what = `The document of room ${meta.id}`;
		refuseNewerRoomDoc(this.doc, what);
		this.#cursor = stored.cursor;
		this.#sealedCursor = sealed.cursor;
		this.#appendedSinceCompaction = stored.updates.length - 1;
		this.#gate = new ClientUpdateGate(this.doc);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== REMOTE_ORIGIN) this.#collect(update);
			metrics?.updateRelayed('document');
		});
		this.awareness.on('update', () => metrics?.updateRelayed('awareness'));
		this.doc.getMap(CONTROL_MAP).observe((event) => this.#controlChanged(event));
		// Now, so that it is stored like any server write, and its writer known as a server.
		migrateRoomDoc(this.doc, what, SERVER_ORIGIN);
		this.#awarenessRelay = new AwarenessRelay(this.awareness, REMOTE_ORIGIN, (update) =>
			fanout.publishAwareness(meta.id, update)
		);
		this.#unfollow = [
			fanout.follow(meta.id, stored.cursor, (entries, cursor) => this.#receive(entries, cursor)),
			fanout.follow(sealedDocId(meta.id), sealed.cursor, (entries, cursor) => {
				this.#sealed.receive(this.#othersUpdates(entries));
				// Another instance may have replaced the projector token.
				this.#endRefused();
				if (cursor !== undefined && isAfter(cursor, this.#sealedCursor))
					this.#sealedCursor = cursor;
				this.#positionsMoved();
			}),
			fanout.followAwareness(meta.id, (update) =>
				applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
			)
		];
	}

	/** The updates of entries other instances appended (this one's are in the document). */
	#othersUpdates(entries: FanoutEntry[]): Uint8Array[] {
		return entries.filter((e) => e.origin !== this.io.fanout.instanceId).map((e) => e.update);
	}

	/** Log entries through the fan-out: other instances' changes, and how far the log goes. */
	#receive(entries: FanoutEntry[], cursor: string | undefined): void {
		if (this.#discarded) return;
		for (const update of this.#othersUpdates(entries)) {
			Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
		}
		if (cursor !== undefined && isAfter(cursor, this.#cursor)) this.#cursor = cursor;
		this.#positionsMoved();
		this.#appendedSinceCompaction += entries.length;
		if (this.#appendedSinceCompaction >= COMPACT_EVERY && !this.#closing) {
			this.#appendedSinceCompaction = 0;
			this.#persisting = this.#persisting.then(() => this.#compact());
		}
	}

	/**
	 * Whatever instance changed the control map: its writer is a server (clients' writes there
	 * are stripped), and a removal or a lock ends the document connections here that it no
	 * longer admits (protocol Y9, Y11).
	 */
	#controlChanged(event: Y.YMapEvent<unknown>): void {
		this.#gate.controlChanged(event.transaction);
		if (['removed', 'roomLocked', 'lockedWith'].some((key) => event.keysChanged.has(key))) {
			this.#endRefused();
		}
	}

	/** Who the room admits now: its control state and its secrets (see doc-access). */
	#access(): AccessState {
		return {
			control: this.readControl(),
			isProjectorToken: (token) => this.#sealed.isProjectorToken(token),
			isDocTicket: (participantId, ticket) => this.#sealed.isDocTicket(participantId, ticket)
		};
	}

	/** Ends the document connections here that would not be admitted now. */
	#endRefused(): void {
		if (!this.#discarded) this.#docConnections.endRefused(this.#access());
	}

	static async load(io: RoomIo, meta: RoomMeta, playbook: Playbook): Promise<LoadedRoom> {
		const [stored, sealed] = await Promise.all([
			io.store.loadDoc(meta.id),
			io.store.loadDoc(sealedDocId(meta.id))
		]);
		log.rooms.debug(
			{ roomId: meta.id, updates: stored.updates.length, bytes: byteLengthOf(stored.updates) },
			'room loaded'
		);
		return new LoadedRoom(meta, playbook, io, stored, sealed);
	}

	/**
	 * Applies an update from a client without the parts that would change the control map,
	 * unless it uses a server's client id or would break a limit of the document (protocol Y3,
	 * L3, L4, L7): then nothing of it is applied. Throws on an update that cannot be decoded.
	 */
	applyClientUpdate(update: Uint8Array, origin: unknown): ClientUpdateResult {
		const checked = this.#gate.check(update);
		if (!checked.applied) return checked;
		Y.applyUpdate(this.doc, checked.update, origin);
		return { applied: true, stripped: checked.stripped };
	}

	readControl(): ControlState {
		const parsed = controlStateSchema.safeParse(this.doc.getMap(CONTROL_MAP).toJSON());
		return parsed.success ? parsed.data : initialControlState(this.playbook);
	}

	/**
	 * Validates and applies a command from `actor` at server time `now`. A removal first replaces
	 * the projector token (protocol S20): the removed person had the old one from their join. If
	 * that cannot be stored, the removal is not taken either (the promise rejects), so the host
	 * still sees them and can try again. The projectors with the old token and, once the removal
	 * is written, the removed person's ticketed connections end here (Y11); other instances end
	 * theirs as the sealed and control changes reach them.
	 */
	command(command: ControlCommand, actor: Actor, now: number): Promise<ControlResult> {
		return this.#decide(async () => {
			const result = applyRoomCommand(this.readControl(), command, this.playbook, actor, now);
			if (!result.ok) return result;
			if (command.type === 'host.remove') {
				await this.#sealed.replaceProjectorToken();
				// Also when the removal changes nothing: a retry after a failure elsewhere.
				this.#endRefused();
			}
			this.#writeControl(result.state);
			return result;
		});
	}

	/** The holder of the host key joined: they are the host, unless someone else is now. */
	claimHost(participantId: string): Promise<void> {
		return this.#decide(async () => {
			const control = this.readControl();
			const next = claimHost(control, participantId);
			if (next !== control) this.#writeControl(next);
		});
	}

	isHostKey(key: string): boolean {
		return this.#sealed.isHostKey(key);
	}

	/** A new host key for a new host; the old one stops working. */
	replaceHostKey(): Promise<string> {
		return this.#sealed.replaceHostKey();
	}

	projectorToken(): Promise<string> {
		return this.#sealed.projectorToken();
	}

	checkParticipantKey(participantId: string, key: string): ParticipantKeyCheck {
		return this.#sealed.checkParticipantKey(participantId, key);
	}

	rememberParticipantKey(participantId: string, key: string): Promise<void> {
		return this.#sealed.rememberParticipantKey(participantId, key);
	}

	docTicket(participantId: string): Promise<string> {
		return this.#sealed.docTicket(participantId);
	}

	/** Whether a document connection with `credentials` is admitted now (protocol Y8, Y9). */
	admission(credentials: DocCredentials): DocAdmission {
		return docAdmission(credentials, this.#access());
	}

	/**
	 * Keeps track of an admitted document connection and what it presented, so it can be ended
	 * when the room stops admitting it (a removal, a lock, a new projector token) or is erased;
	 * answers the function that forgets it.
	 */
	trackDocConnection(
		credentials: DocCredentials,
		end: (why: DocConnectionEnd) => void
	): () => void {
		return this.#docConnections.track(credentials, end);
	}

	/** Number of open document connections. */
	get documentConnectionCount(): number {
		return this.#docConnections.size;
	}

	isProjectorToken(token: string): boolean {
		return this.#sealed.isProjectorToken(token);
	}

	#writeControl(state: ControlState): void {
		writeControl(this.doc, state);
	}

	/**
	 * Records who took part, under the name and role they joined with, for the summary; the
	 * first join also starts the record of time per phase.
	 */
	recordPerson(participantId: string, person: Person, now: number): Promise<void> {
		return this.#decide(async () => {
			const current = this.readControl();
			let next = startHistory(current, this.playbook, now);
			const known = next.people[participantId];
			const changed = known?.name !== person.name || known.roleId !== person.roleId;
			if (changed && (known || Object.keys(next.people).length < MAX_PEOPLE)) {
				next = { ...next, people: { ...next.people, [participantId]: person } };
			}
			if (next !== current) this.#writeControl(next);
		});
	}

	/**
	 * Takes one person's rating for the rating step `step`, sealed until everyone `present` has
	 * rated. The sealed value is stored before anyone learns that it was given. Ratings are taken
	 * one at a time, so two given at once cannot both count as the first.
	 */
	rate(
		participantId: string,
		step: number,
		value: number,
		present: () => Promise<readonly string[]>
	): Promise<RateResult> {
		return this.#decide(() => this.#rate(participantId, step, value, present));
	}

	/**
	 * Takes decisions on the control state one at a time: in order on this instance (a reveal
	 * cannot slip in while a rating is stored), and under the room lock across instances, after
	 * catching up with every change the others stored before, and storing this one's before the
	 * next instance may decide (docs/scale-out.md).
	 */
	#decide<T>(decide: () => Promise<T>): Promise<T> {
		const { lock } = this.io;
		const decided = this.#settling.then(() =>
			lock.shared
				? lock.run(this.meta.id, async () => {
						await this.#catchUp();
						const result = await decide();
						this.#store();
						await this.#persisting;
						return result;
					})
				: decide()
		);
		this.#settling = decided.catch(() => undefined);
		return decided;
	}

	/** Waits until this copy has every log entry of both documents stored so far. */
	async #catchUp(): Promise<void> {
		const [last, lastSealed] = await Promise.all([
			this.io.store.lastPosition(this.meta.id),
			this.io.store.lastPosition(sealedDocId(this.meta.id))
		]);
		const behind = () =>
			(last !== undefined && isAfter(last, this.#cursor)) ||
			(lastSealed !== undefined && isAfter(lastSealed, this.#sealedCursor));
		const giveUpAt = Date.now() + CATCH_UP_MS;
		while (behind() && !this.#discarded) {
			const left = giveUpAt - Date.now();
			if (left <= 0) {
				log.rooms.warn({ roomId: this.meta.id }, 'deciding before catching up with the log');
				return;
			}
			// Woken by the next entry the fan-out delivers, not by polling.
			await new Promise<void>((resolve) => {
				const moved = () => {
					clearTimeout(timer);
					this.#positionWaiters.delete(moved);
					resolve();
				};
				const timer = setTimeout(moved, left);
				this.#positionWaiters.add(moved);
			});
		}
	}

	/** Wakes the decisions waiting in #catchUp: a log position moved. */
	#positionsMoved(): void {
		for (const moved of [...this.#positionWaiters]) moved();
	}

	async #rate(
		participantId: string,
		step: number,
		value: number,
		present: () => Promise<readonly string[]>
	): Promise<RateResult> {
		const control = this.readControl();
		const at = planSteps(sessionPlan(this.playbook, control))[step];
		const phase = at && this.playbook.phases[at.phaseIndex];
		if (!at || phase?.tool !== 'rating') {
			return { ok: false, message: 'That step has no rating to give.', reason: 'no_rating' };
		}
		const key = ratingKey(phase.id, at.round);
		// Refuse early what would be refused anyway (changing a rating already shown).
		const check = submitRating(control.ratings[key], {}, participantId, value, []);
		if (!check.ok) return check;
		if (!control.ratings[key]?.revealed) {
			await this.#sealed.setRating(key, participantId, value);
		}
		// Decide on what holds now: people may have come or gone while the value was stored.
		const presentNow = await present();
		const latest = this.readControl();
		const result = submitRating(
			latest.ratings[key],
			this.#sealed.ratings(key),
			participantId,
			value,
			presentNow
		);
		if (!result.ok) return result;
		this.#writeControl({ ...latest, ratings: { ...latest.ratings, [key]: result.round } });
		return { ok: true };
	}

	/**
	 * Applies what follows from who is present at `now`: ratings no one present is still to give
	 * are revealed, a host away too long gives control back to everyone, and the hands, ready
	 * marks and agreements to erase of people who left are dropped (which may move the room on).
	 * Answers whether everyone present has now agreed to erase the room.
	 */
	settle(present: readonly string[], now: number): Promise<boolean> {
		// Most heartbeats change nothing: only a change, or an erase, is a decision to take.
		const seen = this.#settled(present, now);
		if (seen.settled === seen.control && !seen.erase) return Promise.resolve(false);
		return this.#decide(async () => {
			const { control, settled, erase } = this.#settled(present, now);
			if (settled !== control) this.#writeControl(settled);
			return erase;
		});
	}

	/** The control state as `present` at `now` leaves it, and whether the room is to be erased. */
	#settled(present: readonly string[], now: number) {
		const control = this.readControl();
		let changed = false;
		const ratings = Object.fromEntries(
			Object.entries(control.ratings).map(([key, round]) => {
				const next = revealIfDue(round, this.#sealed.ratings(key), present);
				changed ||= next !== round;
				return [key, next];
			})
		);
		const revealed = changed ? { ...control, ratings } : control;
		const settled = settleRoom(revealed, this.playbook, present, now);
		return { control, settled, erase: everyoneAgreesToErase(settled, present) };
	}

	#stopFollowing(): void {
		for (const unfollow of this.#unfollow) unfollow();
		this.#awarenessRelay.destroy();
	}

	#collect(update: Uint8Array): void {
		if (this.#discarded) return;
		this.#unstored.push(update);
		this.#unstoredSince ??= performance.now();
		this.#storeTimer ??= after(this.io.storeWithinMs, () => this.#store());
	}

	/** Appends everything collected so far as one merged log entry. */
	#store(): void {
		this.#storeTimer?.cancel();
		this.#storeTimer = undefined;
		if (this.#unstored.length === 0) return;
		const updates = this.#unstored;
		const since = this.#unstoredSince ?? performance.now();
		this.#unstored = [];
		this.#unstoredSince = undefined;
		const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
		this.#persisting = this.#persisting.then(async () => {
			try {
				const stored = await this.io.store.appendUpdate(this.meta.id, merged);
				if (stored === undefined) {
					// Erased or expired through another instance, whose notice did not reach this one:
					// nothing more is stored, and its screens here close as erased (rule Y10).
					log.rooms.info({ roomId: this.meta.id }, 'the room is gone from storage');
					this.#discarded = true;
					this.#docConnections.endAll('erased');
					return;
				}
				log.rooms.trace(
					{ roomId: this.meta.id, updates: updates.length, bytes: merged.byteLength },
					'changes stored'
				);
				// In the log, every instance relays it: that is how long the others waited for it.
				this.io.metrics?.documentRelayed((performance.now() - since) / 1000);
			} catch (error) {
				// Keep the changes: they go out again with the next attempt, and close() writes a
				// whole snapshot whatever the log holds.
				log.rooms.error(
					{ roomId: this.meta.id, bytes: merged.byteLength, err: error },
					'storing changes failed; retrying'
				);
				this.io.metrics?.error('storage');
				this.#unstored.unshift(merged);
				this.#unstoredSince = Math.min(since, this.#unstoredSince ?? since);
				this.#storeFailed = true;
				if (!this.#closing) this.#storeTimer ??= after(RETRY_STORE_MS, () => this.#store());
			}
		});
	}

	/** Writes the whole document as the snapshot and drops the log it covers. */
	async #compact(): Promise<void> {
		if (this.#discarded) return;
		try {
			const snapshot = Y.encodeStateAsUpdate(this.doc);
			this.#gate.measured(snapshot.byteLength);
			// Without a cursor ('0') the snapshot is replaced and no log entry is dropped.
			const written = await this.io.store.compact(this.meta.id, snapshot, this.#cursor ?? '0');
			this.#appendedSinceCompaction = 0;
			if (written) {
				this.#storeFailed = false;
				log.rooms.debug({ roomId: this.meta.id, bytes: snapshot.byteLength }, 'room compacted');
			} else if (this.#storeFailed) {
				// Another instance's newer snapshot lacks what this copy failed to store: add the
				// whole document to the log instead, where it merges rather than replaces.
				if ((await this.io.store.appendUpdate(this.meta.id, snapshot)) !== undefined) {
					this.#storeFailed = false;
				}
			}
		} catch (error) {
			log.rooms.error({ roomId: this.meta.id, err: error }, 'compaction failed');
			this.io.metrics?.error('storage');
		}
	}

	/** Waits until every change so far is stored, then folds the log into the snapshot. */
	async close(): Promise<void> {
		this.#closing = true;
		this.#store();
		await this.#persisting;
		this.#stopFollowing();
		this.#storeTimer?.cancel();
		if (this.#appendedSinceCompaction > 0 || this.#storeFailed) await this.#compact();
		this.awareness.destroy();
		this.doc.destroy();
		this.#sealed.destroy();
	}

	/**
	 * Ends the room for good without storing it (it is being erased): closes every document
	 * connection, drops the changes not yet stored, and waits for the writes under way, so that
	 * none of them lands after the room is deleted from the store.
	 */
	async discard(): Promise<void> {
		this.#discarded = true;
		this.#closing = true;
		this.#stopFollowing();
		this.#docConnections.endAll('erased');
		this.#storeTimer?.cancel();
		this.#storeTimer = undefined;
		this.#unstored = [];
		this.#unstoredSince = undefined;
		await Promise.all([this.#persisting, this.#sealed.discard()]);
		this.awareness.destroy();
		this.doc.destroy();
	}
}
