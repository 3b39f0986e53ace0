import { playbookSchema, type Playbook } from '../../src/lib/protocol/playbook';
import { log } from '../log';
import { parseStoredRecord } from '../storage/stored-record';

/**
 * Reads a stored playbook. One that no longer parses (the schema tightened since it was saved)
 * is left out and logged, so it cannot take the library down with it.
 */
export const parseStoredPlaybook = (raw: string): Playbook | undefined =>
	parseStoredRecord(playbookSchema, raw, log.playbooks, 'playbook');
