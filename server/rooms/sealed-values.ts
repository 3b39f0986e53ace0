import * as Y from 'yjs';
import { sealedDocId, type DocumentLog, type StoredDoc } from '../storage/document-log';
import { hashSecret, newSecret, sameSecret, signTicket } from './room-secrets';

const HOST_KEY_HASH = 'hostKeyHash';
const PROJECTOR_TOKEN = 'projectorToken';
/** Signs document tickets (`docTicket`): a ticket is valid for one participant of one room. */
const TICKET_SECRET = 'ticketSecret';
/**
 * Hashes of the projector tokens a removal replaced (map hash → its sequence number, 1 for the
 * first), to tell them from wrong ones. Only the latest few are kept: a host may remove again and
 * again, and a link older than that reads "not valid".
 */
const REPLACED_PROJECTOR_TOKENS = 'replacedProjectorTokens';
export const KEPT_REPLACED_PROJECTOR_TOKENS = 16;

/** How a join's participant key compares with the one first used with that id. */
export type ParticipantKeyCheck = 'new' | 'same' | 'different';

/**
 * What a projector link's token is to its room: its link now, one a removal replaced, or one it
 * never had (mistyped, guessed, another room's).
 */
export type ProjectorTokenCheck = 'current' | 'replaced' | 'wrong';

/** A replaced token's sequence number (rooms from before numbering stored `true`: the oldest). */
const sequenceOf = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** Notes `hash` as the newest replaced token, forgetting the oldest beyond the ones kept. */
function noteReplaced(replaced: Y.Map<unknown>, hash: string): void {
	const newest = Math.max(0, ...[...replaced.values()].map(sequenceOf));
	replaced.set(hash, newest + 1);
	const oldestFirst = [...replaced.entries()].sort(([, a], [, b]) => sequenceOf(a) - sequenceOf(b));
	const over = replaced.size - KEPT_REPLACED_PROJECTOR_TOKENS;
	for (const [oldHash] of oldestFirst.slice(0, Math.max(0, over))) replaced.delete(oldHash);
}

/**
 * The first stored update of a room's sealed values: its host key (hashed), projector token and
 * ticket secret. Made here, by the one instance creating the room, so that every instance loads
 * the same secrets rather than each making its own on first use.
 */
export function initialSealedUpdate(hostKey: string): Uint8Array {
	const doc = new Y.Doc();
	const secrets = doc.getMap<string>('secrets');
	secrets.set(HOST_KEY_HASH, hashSecret(hostKey));
	secrets.set(PROJECTOR_TOKEN, newSecret());
	secrets.set(TICKET_SECRET, newSecret());
	return Y.encodeStateAsUpdate(doc);
}

/**
 * A room's sealed values: ratings not yet revealed (map `ratings`, key
 * `<rating key>/<participant id>`), its secrets (map `secrets`) and the hashes of its
 * participants' keys (map `participants`), stored as a second document of the room
 * (`sealedDocId`) that no client receives. Every change is stored before the promise that makes
 * it resolves, and is in this copy only once it is stored.
 */
export class SealedValues {
	readonly #doc = new Y.Doc();
	/** Writes under way: erasing waits for them, so that none lands after it. */
	readonly #writing = new Set<Promise<string | undefined>>();
	/** Secrets being made here: joins meanwhile wait for the same one rather than make another. */
	readonly #making = new Map<string, Promise<string>>();
	/** Participant keys (hashed) being stored: a join with the same id meanwhile meets them. */
	readonly #remembering = new Map<string, string>();
	#discarded = false;

	constructor(
		/** Only appends: the room loads the stored document and subscribes to its log. */
		private readonly log: Pick<DocumentLog, 'append'>,
		private readonly roomId: string,
		stored: StoredDoc
	) {
		for (const update of stored.updates) Y.applyUpdate(this.#doc, update);
	}

	/**
	 * Stores a change, then applies it here: a refused append (a store error, or the room gone)
	 * leaves nothing that only this instance has. The change is made on a copy with a client id of
	 * its own, so changes under way at once, or one whose refusal was wrong (stored after all),
	 * never share an item id with another change.
	 */
	async #change(change: (doc: Y.Doc) => void): Promise<void> {
		if (this.#discarded) throw new Error(`room ${this.roomId} was erased`);
		const draft = new Y.Doc();
		Y.applyUpdate(draft, Y.encodeStateAsUpdate(this.#doc));
		const before = Y.encodeStateVector(draft);
		change(draft);
		const update = Y.encodeStateAsUpdate(draft, before);
		draft.destroy();
		const write = this.log.append(sealedDocId(this.roomId), update);
		this.#writing.add(write);
		try {
			if ((await write) === undefined) throw new Error(`room ${this.roomId} is gone`);
		} finally {
			this.#writing.delete(write);
		}
		if (!this.#discarded) Y.applyUpdate(this.#doc, update);
	}

	/** Changes stored in the sealed document's log as it brings them, this instance's included. */
	receive(updates: readonly Uint8Array[]): void {
		if (this.#discarded) return;
		for (const update of updates) Y.applyUpdate(this.#doc, update);
	}

	/** The sealed ratings of one rating key, by participant id. */
	ratings(key: string): Record<string, number> {
		const sealed: Record<string, number> = {};
		for (const [entry, value] of this.#doc.getMap<unknown>('ratings')) {
			const [entryKey, participantId] = entry.split('/');
			if (entryKey === key && participantId && typeof value === 'number') {
				sealed[participantId] = value;
			}
		}
		return sealed;
	}

	setRating(key: string, participantId: string, value: number): Promise<void> {
		return this.#change((doc) => doc.getMap('ratings').set(`${key}/${participantId}`, value));
	}

	#secret(name: string): string | undefined {
		const value = this.#doc.getMap<unknown>('secrets').get(name);
		return typeof value === 'string' ? value : undefined;
	}

	/** Whether `key` is the room's current host key. */
	isHostKey(key: string): boolean {
		const hash = this.#secret(HOST_KEY_HASH);
		return hash !== undefined && sameSecret(hashSecret(key), hash);
	}

	/** Makes a new host key, which replaces the old one, and answers it. */
	async replaceHostKey(): Promise<string> {
		const key = newSecret();
		await this.#change((doc) => doc.getMap('secrets').set(HOST_KEY_HASH, hashSecret(key)));
		return key;
	}

	/**
	 * A secret of the room. Rooms made now have theirs from the start (`initialSealedUpdate`);
	 * rooms made before get it the first time it is needed.
	 */
	#madeSecret(name: string): Promise<string> {
		const existing = this.#secret(name);
		if (existing) return Promise.resolve(existing);
		let making = this.#making.get(name);
		if (!making) {
			making = this.#make(name).finally(() => this.#making.delete(name));
			this.#making.set(name, making);
		}
		return making;
	}

	async #make(name: string): Promise<string> {
		await this.#change((doc) => doc.getMap('secrets').set(name, newSecret()));
		// Another instance may have made one at the same time; Yjs keeps one of the two, the
		// same on every instance once each has the other's update. Answer what this copy kept.
		const kept = this.#secret(name);
		if (kept === undefined) throw new Error(`room ${this.roomId} was erased`);
		return kept;
	}

	/** The token of the room's projector link; rooms made before projectors get one now. */
	projectorToken(): Promise<string> {
		return this.#madeSecret(PROJECTOR_TOKEN);
	}

	/**
	 * Makes a new projector token, which replaces the old one, and answers the token this copy
	 * kept (as in #make, another instance may have replaced it at the same time). The old one is
	 * kept as its hash only, enough to recognise it.
	 */
	async replaceProjectorToken(): Promise<string> {
		await this.#change((doc) => {
			const secrets = doc.getMap<unknown>('secrets');
			const old = secrets.get(PROJECTOR_TOKEN);
			if (typeof old === 'string')
				noteReplaced(doc.getMap<unknown>(REPLACED_PROJECTOR_TOKENS), hashSecret(old));
			secrets.set(PROJECTOR_TOKEN, newSecret());
		});
		const kept = this.#secret(PROJECTOR_TOKEN);
		if (kept === undefined) throw new Error(`room ${this.roomId} was erased`);
		return kept;
	}

	/** Compares a join's key with the first one used with this participant id. */
	checkParticipantKey(participantId: string, key: string): ParticipantKeyCheck {
		const hash =
			this.#doc.getMap<unknown>('participants').get(participantId) ??
			this.#remembering.get(participantId);
		if (typeof hash !== 'string') return 'new';
		return sameSecret(hashSecret(key), hash) ? 'same' : 'different';
	}

	/** Binds a participant id to the key it first joined with. */
	async rememberParticipantKey(participantId: string, key: string): Promise<void> {
		const hash = hashSecret(key);
		this.#remembering.set(participantId, hash);
		try {
			await this.#change((doc) => doc.getMap('participants').set(participantId, hash));
		} finally {
			if (this.#remembering.get(participantId) === hash) this.#remembering.delete(participantId);
		}
	}

	/** The ticket that ties a participant's document connection to them. */
	async docTicket(participantId: string): Promise<string> {
		return signTicket(await this.#madeSecret(TICKET_SECRET), participantId);
	}

	isDocTicket(participantId: string, ticket: string): boolean {
		const secret = this.#secret(TICKET_SECRET);
		return secret !== undefined && sameSecret(ticket, signTicket(secret, participantId));
	}

	checkProjectorToken(token: string): ProjectorTokenCheck {
		const expected = this.#secret(PROJECTOR_TOKEN);
		if (expected !== undefined && sameSecret(token, expected)) return 'current';
		return this.#doc.getMap<unknown>(REPLACED_PROJECTOR_TOKENS).has(hashSecret(token))
			? 'replaced'
			: 'wrong';
	}

	destroy(): void {
		this.#doc.destroy();
	}

	/** The room is being erased: takes no more changes and waits for the writes under way. */
	async discard(): Promise<void> {
		this.#discarded = true;
		await Promise.allSettled([...this.#writing]);
		this.destroy();
	}
}
