import {
	playbookSchema,
	playbookSummarySchema,
	summarizePlaybook,
	type Playbook,
	type PlaybookSummary
} from '../../src/lib/protocol/playbook';
import { log } from '../log';
import { parseStoredRecord } from '../storage/stored-record';

/**
 * Reads a stored playbook. One that no longer parses (the schema tightened since it was saved)
 * is left out and logged, so it cannot take the library down with it.
 */
export const parseStoredPlaybook = (raw: string): Playbook | undefined =>
	parseStoredRecord(playbookSchema, raw, log.playbooks, 'playbook');

/** Reads a stored summary; one that does not parse is left out and logged, like a playbook. */
export const parseStoredSummary = (raw: string): PlaybookSummary | undefined =>
	parseStoredRecord(playbookSummarySchema, raw, log.playbooks, 'playbook summary');

/** The summary stored beside a community playbook's body, as JSON. */
export const storedSummaryOf = (playbook: Playbook): string =>
	JSON.stringify(summarizePlaybook(playbook, true));

/**
 * The summary of a playbook stored before summaries were: read from its body once, to be
 * written beside it, so later listings never read the body again. Undefined when the body no
 * longer parses.
 */
export function summaryFromBody(
	raw: string
): { summary: PlaybookSummary; json: string } | undefined {
	const playbook = parseStoredPlaybook(raw);
	if (!playbook) return undefined;
	return { summary: summarizePlaybook(playbook, true), json: storedSummaryOf(playbook) };
}
