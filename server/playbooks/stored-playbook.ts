import { z } from 'zod';
import { playbookSchema, type Playbook } from '../../src/lib/protocol/playbook';
import { log } from '../log';
import { parseStoredRecord } from '../storage/stored-record';

/** The format of a stored playbook record this release writes. */
export const STORED_PLAYBOOK_VERSION = 1;

/**
 * A stored playbook: the playbook with the version of the record's format, so that a later
 * release can tell its records apart. Release 6cdb000 stored the bare playbook (version 0): the
 * start-up migrations rewrite those, and one an instance of that release writes while a newer
 * one runs beside it is still read.
 */
const storedPlaybookSchema = z.union([
	z.object({ schemaVersion: z.literal(STORED_PLAYBOOK_VERSION), playbook: playbookSchema }),
	playbookSchema.transform((playbook) => ({ schemaVersion: 0, playbook }))
]);

/** The stored form of a playbook. */
export const encodeStoredPlaybook = (playbook: Playbook): string =>
	JSON.stringify({ schemaVersion: STORED_PLAYBOOK_VERSION, playbook });

/**
 * Reads a stored playbook. One that no longer parses (the schema tightened since it was saved)
 * is left out and logged, so it cannot take the library down with it.
 */
export const parseStoredPlaybook = (raw: string): Playbook | undefined =>
	parseStoredRecord(storedPlaybookSchema, raw, log.playbooks, 'playbook')?.playbook;
