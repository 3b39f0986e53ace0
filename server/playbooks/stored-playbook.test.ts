import { beforeAll, describe, expect, test } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { setLogLevel } from '../log';
import { encodeStoredPlaybook, parseStoredPlaybook } from './stored-playbook';

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
