import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import type { RoomMeta } from '../../src/lib/protocol/http';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { log } from '../log';
import { isAfter, roomDocIds, sealedDocId, type StoredDoc } from '../storage/document-log';
import { SealedValues } from './sealed-values';
import { ClientUpdateGate } from '../yjs/client-update-gate';
import type { UpdateRefusal } from '../limits/document-limits';
import type { AwarenessFeed } from '../fanout/awareness-feed';
import { AwarenessRelay } from '../fanout/awareness-relay';
import { LogCatchUp } from './log-catch-up';
import type { RoomLock } from './room-lock';
import { RoomControl } from './room-control';
import type { AccessState } from './doc-access';
import { DocConnections } from './doc-connections';
import { LogWriter, REMOTE_ORIGIN, type LogWriterIo } from './log-writer';
import { migrateRoomDoc, refuseNewerRoomDoc } from './room-doc-version';

/** The origin of the server's own transactions on a room document. */
export const SERVER_ORIGIN = Symbol('server');

const byteLengthOf = (updates: Uint8Array[]) =>
	updates.reduce((total, update) => total + update.byteLength, 0);

/** What became of a client's update: applied (less its writes to control), or refused whole. */
export type ClientUpdateResult =
	{ applied: true; stripped: number } | { applied: false; refused: UpdateRefusal };

export type { DocConnectionEnd } from './doc-connections';

/** How a loaded room reaches storage and the other instances. */
export interface RoomIo extends LogWriterIo {
	awareness: AwarenessFeed;
	/** Decisions on the control state one at a time across instances (RoomControl). */
	lock: RoomLock;
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
	/** Stores the document's changes and applies the other instances' (the room's log). */
	readonly #log: LogWriter;
	/** Position of the last log entry of the sealed document this copy has. */
	#sealedCursor: string | undefined;
	/** Decisions under the room's hold wait here until this copy has the whole log. */
	readonly #catchUp: LogCatchUp;
	/** Stops following the sealed document and awareness of the other instances. */
	readonly #unfollow: (() => void)[];
	readonly #awarenessRelay: AwarenessRelay;

	/** Ratings not yet revealed, and the room's secrets. */
	readonly #sealed: SealedValues;
	/** Document connections, to close when the room stops admitting them or is erased. */
	readonly #docConnections = new DocConnections(() => this.#access());
	/** The control state and its single writer. */
	readonly control: RoomControl;

	private constructor(
		readonly meta: RoomMeta,
		readonly playbook: Playbook,
		private readonly io: RoomIo,
		stored: StoredDoc,
		sealed: StoredDoc
	) {
		const { log: documents, awareness, metrics } = io;
		this.#sealed = new SealedValues(documents, meta.id, sealed);
		this.control = new RoomControl({
			roomId: meta.id,
			doc: this.doc,
			playbook,
			secrets: this.#sealed,
			lock: io.lock,
			serverOrigin: SERVER_ORIGIN,
			catchUp: () => this.#catchUp.wait(),
			append: (update, fence) => this.#log.appendDecision(update, fence),
			applyStored: (update) => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN),
			tokenReplaced: () => this.#endRefused()
		});
		// The server's awareness has no local state: it only relays the clients'.
		this.awareness.setLocalState(null);
		for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
		const what = `The document of room ${meta.id}`;
		this.#sealedCursor = sealed.cursor;
		this.#catchUp = new LogCatchUp({
			roomId: meta.id,
			log: documents,
			docIds: roomDocIds(meta.id),
			at: (docId) => (docId === meta.id ? this.#log.cursor : this.#sealedCursor),
			ended: () => this.#log.discarded
		});
		this.#gate = new ClientUpdateGate(this.doc);
		try {
			// Before anything follows or stores it: a room from a newer release is left as it is.
			refuseNewerRoomDoc(this.doc, what);
			this.#log = new LogWriter(this.doc, meta.id, io, stored, {
				// Its screens here close as erased (rule Y10).
				gone: () => this.#docConnections.endAll('erased'),
				moved: () => this.#catchUp.moved(),
				measured: (bytes) => this.#gate.measured(bytes)
			});
		} catch (error) {
			// Nothing follows or stores it yet; its awareness's timer stops with the document.
			this.doc.destroy();
			throw error;
		}
		this.doc.on('update', () => metrics?.updateRelayed('document'));
		this.awareness.on('update', () => metrics?.updateRelayed('awareness'));
		this.doc.getMap(CONTROL_MAP).observe((event) => this.#controlChanged(event));
		let unfollowSealed: () => void;
		try {
			// Now, so that it is stored like any server write, and its writer known as a server.
			migrateRoomDoc(this.doc, what, SERVER_ORIGIN);
			unfollowSealed = documents.subscribe(
				sealedDocId(meta.id),
				sealed.cursor,
				(entries, cursor) => {
					// This instance's own entries too: few and small, and one whose append failed without
					// an answer may be stored after all (Yjs skips what the document has).
					this.#sealed.receive(entries.map((entry) => entry.update));
					// Another instance may have replaced the projector token.
					this.#endRefused();
					if (cursor !== undefined && isAfter(cursor, this.#sealedCursor))
						this.#sealedCursor = cursor;
					this.#catchUp.moved();
				}
			);
		} catch (error) {
			// A copy nobody holds must not follow the log on (it would compact its stale document
			// over the others' entries) nor keep the awareness timer running.
			void this.#log.discard();
			this.doc.destroy();
			throw error;
		}
		this.#awarenessRelay = new AwarenessRelay(
			this.awareness,
			REMOTE_ORIGIN,
			(update) => awareness.publish(meta.id, update),
			() => awareness.heard(meta.id)
		);
		this.#unfollow = [
			unfollowSealed,
			awareness.follow(meta.id, (update) =>
				applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
			)
		];
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
			control: this.control.read(),
			checkProjectorToken: (token) => this.#sealed.checkProjectorToken(token),
			isDocTicket: (participantId, ticket) => this.#sealed.isDocTicket(participantId, ticket)
		};
	}

	/** Ends the document connections here that would not be admitted now. */
	#endRefused(): void {
		if (!this.#log.discarded) this.#docConnections.endRefused();
	}

	static async load(io: RoomIo, meta: RoomMeta, playbook: Playbook): Promise<LoadedRoom> {
		const [stored, sealed] = await Promise.all([
			io.log.load(meta.id),
			io.log.load(sealedDocId(meta.id))
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

	/**
	 * Its document connections on this instance: whether one is admitted now, and the open ones,
	 * ended when the room stops admitting them (a removal, a lock, a new projector token) or is
	 * erased.
	 */
	get connections(): DocConnections {
		return this.#docConnections;
	}

	/**
	 * Waits until this copy has every change of the room stored so far, when other instances
	 * share it (their changes arrive a moment after they are stored); rejects with `RoomBusy`
	 * when they do not arrive in time.
	 */
	async caughtUp(): Promise<void> {
		if (this.io.lock.shared) await this.#catchUp.wait();
	}

	/** The room's sealed values and secrets: keys, tokens, tickets, sealed ratings. */
	get secrets(): SealedValues {
		return this.#sealed;
	}

	#stopFollowing(): void {
		for (const unfollow of this.#unfollow) unfollow();
		this.#awarenessRelay.destroy();
	}

	/** Waits until every change so far is stored, then folds the log into the snapshot. */
	async close(): Promise<void> {
		await this.#log.close();
		this.#stopFollowing();
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
		const writing = this.#log.discard();
		this.#stopFollowing();
		this.#docConnections.endAll('erased');
		await Promise.all([writing, this.#sealed.discard()]);
		this.awareness.destroy();
		this.doc.destroy();
	}
}
