import {
	storedCardSchema,
	storedPairingSchema,
	type StoredCard,
	type StoredPairing
} from '../../src/lib/protocol/pairing';
import { log } from '../log';
import { parseStoredRecord } from '../storage/stored-record';

/** What became of a card: saved, refused because the space holds its most cards, or no space. */
export type CardOutcome = 'saved' | 'full' | 'not-found';

/** A space's pairing settings and rounds with the version a compare-and-set names. */
export interface VersionedPairing {
	version: number;
	pairing: StoredPairing;
}

export const NO_PAIRING: VersionedPairing = {
	version: 0,
	pairing: { cadence: 'none', rounds: [] }
};

/**
 * A team space's pairing cards, keyed by the hash of each member's key, and its pairing record
 * (cadence, rounds, fit answers). Every write counts as the space's activity; everything here
 * goes with the space. Implementations: SQLite and Redis; both pass
 * tests/integration/pairing-store.contract.ts.
 */
export interface PairingStore {
	/** Saves `member`'s card, replacing theirs; a new one is refused at `maxCards`. */
	saveCard(
		teamId: string,
		member: string,
		card: StoredCard,
		limits: { maxCards: number; now: number }
	): Promise<CardOutcome>;
	/** Deletes `member`'s card, if any; false when the space is unknown. */
	deleteCard(teamId: string, member: string, now: number): Promise<boolean>;
	/** Every card with its member, in no particular order. */
	cards(teamId: string): Promise<{ member: string; card: StoredCard }[]>;
	/** The pairing record, or an empty one at version 0. */
	pairing(teamId: string): Promise<VersionedPairing>;
	/**
	 * Replaces the pairing record if it is still at `version` (then it is at `version + 1`);
	 * false when someone else changed it first or the space is unknown.
	 */
	setPairing(teamId: string, version: number, next: StoredPairing, now: number): Promise<boolean>;
	/** Deletes the cards and pairing of spaces expired by `now` or gone; answers how many spaces. */
	deleteExpired(now: number): Promise<number>;
}

/** A stored card; one that no longer parses is left out and logged by count only. */
export const parseStoredCard = (raw: string): StoredCard | undefined =>
	parseStoredRecord(storedCardSchema, raw, log.teams, 'pairing card');

/** A stored pairing record; a damaged one reads as none, so the space still works. */
export function parseStoredPairing(raw: string | undefined, version: number): VersionedPairing {
	if (raw === undefined) return NO_PAIRING;
	const pairing = parseStoredRecord(storedPairingSchema, raw, log.teams, 'pairing record');
	return { version, pairing: pairing ?? NO_PAIRING.pairing };
}
