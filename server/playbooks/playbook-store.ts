import type { Playbook, PlaybookSummary } from '../../src/lib/protocol/playbook';

/** A community playbook as it is saved: its body, when, and the hash of its delete token. */
export interface NewStoredPlaybook {
	playbook: Playbook;
	createdAt: number;
	/** sha256 of the author's delete token (server/rooms/room-secrets.ts, `hashSecret`). */
	deleteTokenHash: string;
}

/** Whether a save stored the playbook, or found `maxStored` playbooks there already. */
export type SaveOutcome = 'saved' | 'full';

/**
 * Community playbooks saved on this server. Implementations: SQLite (embedded default) and
 * Redis; both pass tests/integration/playbook-store.contract.ts.
 *
 * Each playbook keeps a small summary beside its body, so listing never reads a body. A
 * playbook saved before summaries existed gets its summary written when it is first listed.
 * A hidden playbook (the operator's `npm run playbooks -- hide`) is kept but neither listed
 * nor found, until it is shown again.
 */
export interface PlaybookStore {
	/**
	 * Saves a new playbook unless `maxStored` playbooks (hidden ones included) are stored
	 * already, in one step: two saves at once cannot both take the last place. Fails if its id
	 * is taken.
	 */
	save(entry: NewStoredPlaybook, maxStored: number): Promise<SaveOutcome>;
	/** A playbook that is not hidden. */
	get(id: string): Promise<Playbook | undefined>;
	/** Summaries of the playbooks that are not hidden, newest first: `limit` from `offset`. */
	summaries(offset: number, limit: number): Promise<PlaybookSummary[]>;
	/** How many playbooks are listed (not hidden). */
	count(): Promise<number>;
	/** How many playbooks are hidden: the cap counts them too, so the operator needs to see them. */
	hiddenCount(): Promise<number>;
	/** The ids of the hidden playbooks, newest first, for the operator to show or delete. */
	hiddenIds(): Promise<string[]>;
	/** The delete token hash of a playbook that is not hidden; none for one saved before tokens. */
	deleteTokenHash(id: string): Promise<string | undefined>;
	/** Deletes a playbook, hidden or not; answers whether there was one. */
	delete(id: string): Promise<boolean>;
	/** Hides or shows a playbook; answers whether there is one with that id. */
	setHidden(id: string, hidden: boolean): Promise<boolean>;
	/**
	 * Summaries of the `limit` newest playbooks that are not hidden with when each was saved,
	 * newest first (the Atom feed, the circle's "new this quarter"). Read from the summaries like
	 * {@link summaries}, never from the bodies; bounded, as these are read on every request.
	 */
	listDated(limit: number): Promise<DatedSummary[]>;
	/** The same for the playbooks of `ids` that are listed (the circle's shelf picks), newest first. */
	datedOf(ids: readonly string[]): Promise<DatedSummary[]>;
}

/** A saved playbook's summary and when it was saved, in ms since the epoch. */
export interface DatedSummary {
	summary: PlaybookSummary;
	createdAt: number;
}
