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
import { isAfter, sealedDocId, type StoredDoc } from '../storage/document-log';
import { SealedValues, type ParticipantKeyCheck } from './sealed-values';
import { ClientUpdateGate } from '../yjs/client-update-gate';
import type { UpdateRefusal } from '../limits/document-limits';
import type { AwarenessFeed } from '../fanout/awareness-feed';
import { AwarenessRelay } from '../fanout/awareness-relay';
import type { RoomLock } from './room-lock';
import {
	docAdmission,
	type AccessState,
	type DocAdmission,
	type DocCredentials
} from './doc-access';
import { DocConnections, type DocConnectionEnd } from './doc-connections';
import { LogWriter, othersUpdates, REMOTE_ORIGIN, type LogWriterIo } from './log-writer';
import { migrateRoomDoc, refuseNewerRoomDoc } from './room-doc-version';

/** The origin of the server's own transactions on a room document. */
export const SERVER_ORIGIN = Symbol('server');

/** People the summary names at most; joins beyond it (a client inventing ids) are not recorded. */
const MAX_PEOPLE = 100;
/** How long a decision waits for the other instances' changes to arrive before going ahead. */
const CATCH_UP_MS = 2_000;

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

export type RateResult = { ok: true } | { ok: false; message: string };

/** What became of a client's update: applied (less its writes to control), or refused whole. */
export type ClientUpdateResult =
	{ applied: true; stripped: number } | { applied: false; refused: UpdateRefusal };

export type { DocConnectionEnd } from './doc-connections';

/** How a loaded room reaches storage and the other instances. */
export interface RoomIo extends LogWriterIo {
	awareness: AwarenessFeed;
	/** Decisions on the control state one at a time across instances. */
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
	/** Decisions waiting for the positions to move (see #catchUp). */
	readonly #positionWaiters = new Set<() => void>();
	/** Stops following the sealed document and awareness of the other instances. */
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
		const { log: documents, awareness, metrics } = io;
		this.#sealed = new SealedValues(documents, meta.id, sealed);
		// The server's awareness has no local state: it only relays the clients'.
		this.awareness.setLocalState(null);
		for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
		// Before anything follows or stores it: a room from a newer release is left as it is.
		const what = `The document of room ${meta.id}`;
		refuseNewerRoomDoc(this.doc, what);
		this.#sealedCursor = sealed.cursor;
		this.#gate = new ClientUpdateGate(this.doc);
		this.#log = new LogWriter(this.doc, meta.id, io, stored, {
			// Its screens here close as erased (rule Y10).
			gone: () => this.#docConnections.endAll('erased'),
			moved: () => this.#positionsMoved(),
			measured: (bytes) => this.#gate.measured(bytes)
		});
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
					this.#sealed.receive(othersUpdates(entries, documents.instanceId));
					// Another instance may have replaced the projector token.
					this.#endRefused();
					if (cursor !== undefined && isAfter(cursor, this.#sealedCursor))
						this.#sealedCursor = cursor;
					this.#positionsMoved();
				}
			);
		} catch (error) {
			// A copy nobody holds must not follow the log on (it would compact its stale document
			// over the others' entries) nor keep the awareness timer running.
			void this.#log.discard();
			this.doc.destroy();
			throw error;
		}
		this.#awarenessRelay = new AwarenessRelay(this.awareness, REMOTE_ORIGIN, (update) =>
			awareness.publish(meta.id, update)
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
			control: this.readControl(),
			isProjectorToken: (token) => this.#sealed.isProjectorToken(token),
			isDocTicket: (participantId, ticket) => this.#sealed.isDocTicket(participantId, ticket)
		};
	}

	/** Ends the document connections here that would not be admitted now. */
	#endRefused(): void {
		if (!this.#log.discarded) this.#docConnections.endRefused(this.#access());
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
						await this.#log.flush();
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
			this.io.log.lastPosition(this.meta.id),
			this.io.log.lastPosition(sealedDocId(this.meta.id))
		]);
		const behind = () =>
			(last !== undefined && isAfter(last, this.#log.cursor)) ||
			(lastSealed !== undefined && isAfter(lastSealed, this.#sealedCursor));
		const giveUpAt = Date.now() + CATCH_UP_MS;
		while (behind() && !this.#log.discarded) {
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
			return { ok: false, message: 'That step has no rating to give.' };
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
