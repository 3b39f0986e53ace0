import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { CONTROL_MAP, controlStateSchema, type ControlState } from '../../src/lib/protocol/control';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { assertNever } from '../../src/lib/assert-never';
import { initialControlState } from '../../src/lib/room/control';
import {
	changesSomething,
	decide,
	type Decision,
	type DecisionContext,
	type Effect,
	type RoomCommand
} from '../../src/lib/room/decide';
import type { Actor } from '../../src/lib/room/command-rights';
import { FenceLost } from '../storage/document-log';
import { RoomBusy, type RoomLock } from './room-lock';
import type { SealedValues } from './sealed-values';

/**
 * Writes a control state into a document's control map, only the keys that changed; answers
 * whether anything did.
 */
export function writeControl(doc: Y.Doc, next: ControlState, origin: unknown): boolean {
	const map = doc.getMap(CONTROL_MAP);
	const changed = Object.entries(next).filter(
		([key, value]) => JSON.stringify(map.get(key)) !== JSON.stringify(value)
	);
	if (changed.length === 0) return false;
	doc.transact(() => {
		for (const [key, value] of changed) map.set(key, value);
	}, origin);
	return true;
}

/** A client id for drafting decisions (Yjs's are unsigned 32-bit numbers). */
const newClientId = () => randomInt(0, 2 ** 32);

/**
 * The change writing `next` would make to `doc`, made on a copy under the client id `clientId`:
 * the document itself changes only once the change is stored, and a refused change leaves
 * nothing behind. Undefined when nothing would change.
 */
function draftControl(doc: Y.Doc, next: ControlState, clientId: number): Uint8Array | undefined {
	const draft = new Y.Doc();
	try {
		Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
		// After loading: Yjs gives a document meeting its own id in others' changes a new one.
		draft.clientID = clientId;
		const before = Y.encodeStateVector(draft);
		return writeControl(draft, next, null) ? Y.encodeStateAsUpdate(draft, before) : undefined;
	} finally {
		draft.destroy();
	}
}

/** What a room's control needs of the room it decides for. */
export interface RoomControlDeps {
	roomId: string;
	doc: Y.Doc;
	playbook: Playbook;
	secrets: SealedValues;
	lock: RoomLock;
	/** The origin of writes straight into the document, which the room then stores. */
	serverOrigin: unknown;
	/**
	 * Waits until this copy has every change of the room stored so far; rejects with
	 * {@link RoomBusy} when that takes too long. Called only when the lock is shared.
	 */
	catchUp(): Promise<void>;
	/** Appends a decision's change to the room's log under its fence (`DocumentLog.append`). */
	append(update: Uint8Array, fence: string): Promise<string | undefined>;
	/** Applies a change already in the log to the document, which does not store it again. */
	applyStored(update: Uint8Array): void;
	/** The projector token was replaced: connections it no longer admits end. */
	tokenReplaced(): void;
}

/**
 * A room's control state and its single writer: decisions run one at a time in this process
 * and, with several instances, under the room's hold in Redis after catching up with the log,
 * their change stored under the hold's fence before the document takes it (docs/architecture.md,
 * "Decisions"). A decision that cannot have that guarantee in time rejects with
 * {@link RoomBusy} and changes nothing.
 */
export class RoomControl {
	/** Decisions waiting here: the in-process queue. */
	#queue: Promise<unknown> = Promise.resolve();
	/**
	 * The client id decisions are drafted under: one for as long as each append is known stored
	 * or refused, so the document does not gain a client per decision; a new one after an append
	 * whose outcome is unknown (it may be stored after all), so no two changes share an item id.
	 */
	#draftClient = newClientId();

	constructor(private readonly deps: RoomControlDeps) {}

	/** The control state as this copy of the document has it. */
	read(): ControlState {
		const parsed = controlStateSchema.safeParse(this.deps.doc.getMap(CONTROL_MAP).toJSON());
		return parsed.success ? parsed.data : initialControlState(this.deps.playbook);
	}

	/**
	 * Decides `command` from `actor` and writes the result, at the server time `now()` answers once
	 * the decision's turn came (the hold and the log may take seconds). What the effects
	 * need stored first (a sealed rating, a removal's new projector token) is stored before the
	 * state is written; the caller carries out the effects once the decision is answered. If one cannot be
	 * stored, nothing is written and the promise rejects, so the sender can try again.
	 */
	decide(command: RoomCommand, actor: Actor, now: () => number): Promise<Decision> {
		return this.#serially(() => this.#held((fence) => this.#take(command, actor, now, fence)));
	}

	/**
	 * Applies who is `present` at `now()` (reveals, host fallback, ready, erasing) and answers the
	 * effects to carry out. Most heartbeats change nothing: then no hold is taken.
	 */
	settle(present: readonly string[], now: () => number): Promise<Effect[]> {
		const command: RoomCommand = { type: 'room.settle' };
		// Nobody in particular: the server decides from who is present.
		const actor: Actor = { participantId: '', present };
		return this.#serially(async () => {
			const state = this.read();
			if (!changesSomething(state, decide(state, command, actor, this.#context(now())))) return [];
			const decision = await this.#held((fence) => this.#take(command, actor, now, fence));
			return decision.ok ? decision.effects : [];
		});
	}

	#context(now: number): DecisionContext {
		const { playbook, secrets } = this.deps;
		return { playbook, now, sealedRatings: (key) => secrets.ratings(key) };
	}

	#serially<T>(work: () => Promise<T>): Promise<T> {
		const done = this.#queue.then(work);
		this.#queue = done.catch(() => undefined);
		return done;
	}

	/** Runs `take` under the room's hold, caught up with every change stored before it. */
	#held<T>(take: (fence: string | undefined) => Promise<T>): Promise<T> {
		const { lock, roomId } = this.deps;
		return lock.run(roomId, async (fence) => {
			if (lock.shared) await this.deps.catchUp();
			return take(fence);
		});
	}

	async #take(
		command: RoomCommand,
		actor: Actor,
		now: () => number,
		fence: string | undefined
	): Promise<Decision> {
		const state = this.read();
		const decision = decide(state, command, actor, this.#context(now()));
		if (!decision.ok) return decision;
		for (const effect of decision.effects) await this.#storeFirst(effect, actor);
		if (decision.state !== state) await this.#write(decision.state, fence);
		return decision;
	}

	/** Stores what must hold before anyone learns of the decision. */
	async #storeFirst(effect: Effect, actor: Actor): Promise<void> {
		const { secrets } = this.deps;
		switch (effect.type) {
			case 'seal-rating':
				await secrets.setRating(effect.key, actor.participantId, effect.value);
				return;
			case 'remove':
				// The removed person had the old projector token from their join (protocol S20).
				await secrets.replaceProjectorToken();
				this.deps.tokenReplaced();
				return;
			case 'grant-host-key':
			case 'announce-lock':
			case 'erase':
			case 'turn-event':
				// Carried out by the caller once the state is written.
				return;
			default:
				assertNever(effect);
		}
	}

	async #write(next: ControlState, fence: string | undefined): Promise<void> {
		const { doc, roomId } = this.deps;
		if (fence === undefined) {
			writeControl(doc, next, this.deps.serverOrigin);
			return;
		}
		const update = draftControl(doc, next, this.#draftClient);
		if (!update) return;
		const stored = await this.deps.append(update, fence).catch((error: unknown) => {
			if (error instanceof FenceLost) {
				throw new RoomBusy(roomId, 'its hold ended before the change was stored');
			}
			this.#draftClient = newClientId();
			throw error;
		});
		if (stored === undefined) throw new Error(`room ${roomId} is gone`);
		this.deps.applyStored(update);
	}
}
