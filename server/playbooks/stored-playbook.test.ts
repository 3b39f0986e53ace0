import { beforeAll, describe, expect, test } from 'vitest';
import { builtInPlaybooks, findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { setLogLevel } from '../log';
import {
	encodeStoredPlaybook,
	parseStoredPlaybook,
	parseStoredSummary,
	storedSummaryOf,
	summaryFromBody,
	summaryReader
} from './stored-playbook';

const playbook = findBuiltInPlaybook('five-minute-win')!;

describe('stored playbook records', () => {
	beforeAll(() => setLogLevel('silent'));

	test('a playbook is stored with the version of its record’s format, and read back', () => {
		const stored = encodeStoredPlaybook(playbook);
		expect(JSON.parse(stored)).toEqual({ schemaVersion: 1, playbook });
		expect(parseStoredPlaybook(stored)).toEqual(playbook);
	});

	test('a bare playbook, as the previous release stored it, is still read', () => {
		expect(parseStoredPlaybook(JSON.stringify(playbook))).toEqual(playbook);
	});

	test('a record in a format from a newer release is left out rather than misread', () => {
		expect(parseStoredPlaybook(JSON.stringify({ schemaVersion: 2, playbook }))).toBeUndefined();
	});
});

const raw = storedSummaryOf(builtInPlaybooks[0]!);
const changed = storedSummaryOf({ ...builtInPlaybooks[0]!, title: 'Renamed' });

describe('stored summaries', () => {
	test('a summary is parsed again only when its stored text changed', () => {
		const read = summaryReader();
		const first = read('a', raw);
		expect(first?.title).toBe(builtInPlaybooks[0]!.title);
		expect(read('a', raw)).toBe(first);
		expect(read('a', changed)?.title).toBe('Renamed');
	});

	test('a summary that does not parse reads as none', () => {
		expect(summaryReader()('a', '{"id":"a"}')).toBeUndefined();
		expect(summaryReader()('a', 'not json')).toBeUndefined();
	});

	test('past its limit the reader forgets the summary parsed longest ago', () => {
		const read = summaryReader(2);
		const a = read('a', raw);
		const b = read('b', raw);
		read('c', raw);
		expect(read('b', raw)).toBe(b);
		expect(read('a', raw)).not.toBe(a);
	});

	test('the summary of a playbook stored before summaries is read from its record, in either format', () => {
		setLogLevel('silent');
		const expected = JSON.parse(storedSummaryOf(playbook));
		expect(summaryFromBody(encodeStoredPlaybook(playbook))?.summary).toEqual(expected);
		expect(summaryFromBody(JSON.stringify(playbook))?.summary).toEqual(expected);
		expect(summaryFromBody('not json')).toBeUndefined();
	});

	test('[A1] a summary stored before it said whether its playbook runs as turns is derived again', () => {
		setLogLevel('silent');
		const sprint = findBuiltInPlaybook('active-listening-sprint')!;
		const stored = JSON.parse(storedSummaryOf(sprint));
		expect(stored.turns).toBe(true);
		expect(parseStoredSummary(JSON.stringify(stored))?.turns).toBe(true);
		delete stored.turns;
		expect(parseStoredSummary(JSON.stringify(stored))).toBeUndefined();
		expect(summaryFromBody(encodeStoredPlaybook(sprint))?.summary.turns).toBe(true);
	});
});
