import * as Y from 'yjs';
import type { DocStore, StoredDoc } from '../storage/doc-store';
import { hashSecret, newSecret, sameSecret } from './room-secrets';

/**
 * Where a room's server-private values are stored: a second document that no client ever
 * receives, kept in the same store as the room's under this id.
 */
export const sealedDocId = (roomId: string) => `${roomId}:sealed`;

const HOST_KEY_HASH = 'hostKeyHash';
const PROJECTOR_TOKEN = 'projectorToken';

/** The first stored update of a room's sealed values: its host key (hashed) and projector token. */
export function initialSealedUpdate(hostKey: string): Uint8Array {
	const doc = new Y.Doc();
	const secrets = doc.getMap<string>('secrets');
	secrets.set(HOST_KEY_HASH, hashSecret(hostKey));
	secrets.set(PROJECTOR_TOKEN, newSecret());
	return Y.encodeStateAsUpdate(doc);
}

/**
 * A room's sealed values: ratings not yet revealed (map `ratings`, key
 * `<rating key>/<participant id>`) and its secrets (map `secrets`). Every change is stored
 * before the promise that makes it resolves.
 */
export class SealedValues {
	readonly #doc = new Y.Doc();

	constructor(
		private readonly store: DocStore,
		private readonly roomId: string,
		stored: StoredDoc
	) {
		for (const update of stored.updates) Y.applyUpdate(this.#doc, update);
	}

	async #change(change: (doc: Y.Doc) => void): Promise<void> {
		const before = Y.encodeStateVector(this.#doc);
		change(this.#doc);
		await this.store.appendUpdate(
			sealedDocId(this.roomId),
			Y.encodeStateAsUpdate(this.#doc, before)
		);
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

	/** The token of the room's projector link; rooms made before projectors get one now. */
	async projectorToken(): Promise<string> {
		const token = this.#secret(PROJECTOR_TOKEN);
		if (token) return token;
		const made = newSecret();
		await this.#change((doc) => doc.getMap('secrets').set(PROJECTOR_TOKEN, made));
		return made;
	}

	isProjectorToken(token: string): boolean {
		const expected = this.#secret(PROJECTOR_TOKEN);
		return expected !== undefined && sameSecret(token, expected);
	}

	destroy(): void {
		this.#doc.destroy();
	}
}
