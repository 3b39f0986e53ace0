import { z } from 'zod';
import * as zm from 'zod/mini';
import {
	playbookSchema,
	playbookSummarySchema,
	summarizePlaybook,
	type Playbook,
	type PlaybookSummary
} from '../../src/lib/protocol/playbook';
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
	z.pipe(
		playbookSchema,
		z.transform((playbook: Playbook) => ({ schemaVersion: 0, playbook }))
	)
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

/**
 * A stored summary must say whether its playbook runs as turns: one stored before it did reads as
 * not parsing, so the stores derive it again from the playbook's body and keep it.
 */
const storedSummarySchema = zm.extend(playbookSummarySchema, { turns: zm.boolean() });

/** Reads a stored summary; one that does not parse is left out and logged, like a playbook. */
export const parseStoredSummary = (raw: string): PlaybookSummary | undefined =>
	parseStoredRecord(storedSummarySchema, raw, log.playbooks, 'playbook summary');

/** Summaries remembered at most: the cap on community playbooks, with room to spare. */
const REMEMBERED_SUMMARIES = 20_000;

/**
 * Parses stored summaries, remembering each by id with the text it was parsed from. A search
 * reads every summary from the store each time (so a hidden or deleted playbook drops out at
 * once), but parses only those that changed: about a third of a scan's cost with 10,000
 * (docs/performance.md, "The library").
 */
export function summaryReader(limit = REMEMBERED_SUMMARIES) {
	const remembered = new Map<string, { raw: string; summary: PlaybookSummary | undefined }>();
	return (id: string, raw: string): PlaybookSummary | undefined => {
		const known = remembered.get(id);
		if (known?.raw === raw) return known.summary;
		const summary = parseStoredSummary(raw);
		remembered.delete(id);
		remembered.set(id, { raw, summary });
		// The first entry is the one parsed longest ago.
		if (remembered.size > limit) remembered.delete(remembered.keys().next().value!);
		return summary;
	};
}

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
