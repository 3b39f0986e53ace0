import { storedShareSchema, type StoredShare } from '../../src/lib/protocol/team';
import { log } from '../log';
import { parseStoredRecord } from '../storage/stored-record';

/**
 * Reads a stored share. One that no longer parses (the schema tightened since) is left out and
 * logged by count, so it cannot break the team's view.
 */
export const parseStoredShare = (raw: string): StoredShare | undefined =>
	parseStoredRecord(storedShareSchema, raw, log.teams, 'share');
