import type { Playbook } from '../../src/lib/protocol/playbook';

/**
 * Community playbooks saved on this server. Implementations: SQLite (embedded default) and a
 * Redis hash; both pass tests/integration/playbook-store.contract.ts.
 */
export interface PlaybookStore {
	/** Saves a new playbook; fails if its id is taken. */
	save(playbook: Playbook, createdAt: number): Promise<void>;
	get(id: string): Promise<Playbook | undefined>;
	/** Every saved playbook, newest first. */
	list(): Promise<Playbook[]>;
	/** Every saved playbook with when it was saved, newest first (the circle's shelf and feed). */
	listDated(): Promise<DatedPlaybook[]>;
}

/** A saved playbook and when it was saved, in ms since the epoch. */
export interface DatedPlaybook {
	playbook: Playbook;
	createdAt: number;
}
