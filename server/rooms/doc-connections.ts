import {
	docAdmission,
	type AccessState,
	type DocAdmission,
	type DocCredentials,
	type DocRefusal
} from './doc-access';

/** Why the server ends a document connection: the room no longer admits it, or was erased. */
export type DocConnectionEnd = DocRefusal | 'erased';

interface DocConnection {
	/** What it presented when it opened (protocol Y8, Y9). */
	credentials: DocCredentials;
	end(why: DocConnectionEnd): void;
}

/**
 * A room's document connections on this instance: whether one is admitted now, and the open
 * ones with what each presented, so that the room can end those it no longer admits (a
 * removal, a lock, a new projector token) and all of them when it is erased.
 */
export class DocConnections {
	readonly #open = new Set<DocConnection>();

	/** `access`: who the room admits now (its control state and secrets). */
	constructor(private readonly access: () => AccessState) {}

	/** Whether a document connection with `credentials` is admitted now (protocol Y8, Y9). */
	admission(credentials: DocCredentials): DocAdmission {
		return docAdmission(credentials, this.access());
	}

	/** Keeps track of a connection until the answered function forgets it. */
	track(credentials: DocCredentials, end: (why: DocConnectionEnd) => void): () => void {
		const connection: DocConnection = { credentials, end };
		this.#open.add(connection);
		return () => this.#open.delete(connection);
	}

	get size(): number {
		return this.#open.size;
	}

	/** Ends every connection that would not be admitted now. */
	endRefused(): void {
		const state = this.access();
		for (const connection of [...this.#open]) {
			const admission = docAdmission(connection.credentials, state);
			if (admission.admitted) continue;
			this.#open.delete(connection);
			connection.end(admission.refusal);
		}
	}

	endAll(why: DocConnectionEnd): void {
		for (const connection of [...this.#open]) {
			this.#open.delete(connection);
			connection.end(why);
		}
	}
}
