import { storedCircleItemSchema, type StoredCircleItem } from '../../src/lib/protocol/circle';
import { log } from '../log';
import { parseStoredRecord } from '../storage/stored-record';

/** Reads a stored circle item; one that no longer parses is left out and logged by count. */
export const parseStoredCircleItem = (raw: string): StoredCircleItem | undefined =>
	parseStoredRecord(storedCircleItemSchema, raw, log.teams, 'circle item');
