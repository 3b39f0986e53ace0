import { describe, expect, test } from 'vitest';
import type { Participant } from '../protocol/presence';
import { personRecord, rosterView, type StoredRecord } from './presence';

const policy = { staleAfterMs: 30_000, forgetAfterMs: 600_000 };
const NOW = 1_700_000_000_000;

function person(name: string, status: Participant['status'], ageMs: number): Participant {
	return { participantId: `id-${name}-0000`, name, roleId: 'speaker', status, seenAt: NOW - ageMs };
}

/** Records as stored by one instance: keyed by participant id. */
const stored = (...records: Participant[]) =>
	records.map((record) => ({ key: record.participantId, record }));

describe('roster view', () => {
	test('fresh records are shown as they are, sorted by name', () => {
		const { roster, expired } = rosterView(
			stored(person('Zoe', 'connected', 0), person('Ada', 'away', 1_000)),
			NOW,
			policy
		);
		expect(roster.map((p) => [p.name, p.status])).toEqual([
			['Ada', 'away'],
			['Zoe', 'connected']
		]);
		expect(expired).toEqual([]);
	});

	test('a record whose server stopped heart-beating is shown as gone', () => {
		const { roster } = rosterView(stored(person('Ada', 'connected', 31_000)), NOW, policy);
		expect(roster[0]?.status).toBe('gone');
	});

	test('a record older than the forget limit is dropped and reported for deletion', () => {
		const { roster, expired } = rosterView(stored(person('Ada', 'gone', 600_001)), NOW, policy);
		expect(roster).toEqual([]);
		expect(expired).toEqual(['id-Ada-0000']);
	});
});

describe('one person with tabs on several instances (docs/protocol.md S2)', () => {
	/** Ana's record as the instance `instance` wrote it. */
	const on = (
		instance: string,
		status: Participant['status'],
		ageMs = 1_000,
		name = 'Ana'
	): StoredRecord => ({
		key: `id-Ana-0000:${instance}`,
		record: { ...person('Ana', status, ageMs), name }
	});
	/** The record, as written from a tab that joined at `joinedAt`. */
	const joined = (stored: StoredRecord, joinedAt: number): StoredRecord => ({
		...stored,
		record: { ...stored.record, joinedAt }
	});
	const ana = (...records: StoredRecord[]) => {
		const { roster } = rosterView(records, NOW, policy);
		expect(roster).toHaveLength(1);
		return roster[0];
	};

	test('[S2] they are one entry, as present as their most present instance says', () => {
		expect(ana(on('a', 'connected'), on('b', 'dropped'))?.status).toBe('connected');
		expect(ana(on('a', 'dropped'), on('b', 'connected'))?.status).toBe('connected');
		expect(ana(on('a', 'away'), on('b', 'connected'))?.status).toBe('connected');
		expect(ana(on('a', 'gone'), on('b', 'away'))?.status).toBe('away');
		expect(ana(on('a', 'gone'), on('b', 'dropped'))?.status).toBe('dropped');
		expect(ana(on('a', 'gone'), on('b', 'gone'))?.status).toBe('gone');
	});

	test('[S2, S8] an instance that stopped heart-beating no longer keeps them present', () => {
		expect(ana(on('crashed', 'connected', 31_000), on('b', 'away'))?.status).toBe('away');
		expect(ana(on('crashed', 'connected', 31_000), on('b', 'gone'))?.status).toBe('gone');
	});

	test('their entry carries their latest sign of life, and the name of the record shown', () => {
		expect(ana(on('a', 'dropped', 200, 'Anna'), on('b', 'connected', 4_000))).toEqual({
			...person('Ana', 'connected', 4_000),
			seenAt: NOW - 200
		});
	});

	test('[S2] of two records as present, the later join names them, whichever instance or heartbeat', () => {
		for (const [ageA, ageB] of [
			[100, 4_000],
			[4_000, 100]
		]) {
			const earlier = joined(on('a', 'connected', ageA, 'Ana'), NOW - 60_000);
			const later = joined(on('b', 'connected', ageB, 'Anna'), NOW - 5_000);
			for (const records of [
				[earlier, later],
				[later, earlier]
			])
				expect(rosterView(records, NOW, policy).roster.map((p) => p.name)).toEqual(['Anna']);
		}
		// A record written before join times were kept loses to one with; two such, first by key.
		expect(
			ana(on('a', 'connected', 100, 'Ana'), joined(on('b', 'connected', 100, 'Anna'), 1))?.name
		).toBe('Anna');
		expect(ana(on('b', 'connected', 100, 'Anna'), on('a', 'connected', 4_000, 'Ana'))?.name).toBe(
			'Ana'
		);
	});

	test('the roster does not carry join times', () => {
		expect(ana(joined(on('a', 'connected'), 5))).toEqual(person('Ana', 'connected', 1_000));
	});

	test('an instance’s forgotten record is deleted while another’s stays', () => {
		const { roster, expired } = rosterView(
			[on('a', 'gone', 600_001), on('b', 'connected')],
			NOW,
			policy
		);
		expect(roster.map((p) => p.status)).toEqual(['connected']);
		expect(expired).toEqual(['id-Ana-0000:a']);
	});
});

describe('one person in several tabs (docs/protocol.md S2)', () => {
	const tab = (status: Participant['status'], name = 'Ana') => ({
		...person('Ana', status, 5_000),
		name
	});

	test('[S2] they are connected while any of their tabs is shown, whichever hid last', () => {
		expect(personRecord([tab('connected'), tab('away')], NOW)?.status).toBe('connected');
		expect(personRecord([tab('away'), tab('connected')], NOW)?.status).toBe('connected');
	});

	test('[S2] they are away only when every tab is hidden', () => {
		expect(personRecord([tab('away'), tab('away')], NOW)?.status).toBe('away');
	});

	test('the record is fresh and carries their latest join’s name, and when that join was', () => {
		const latest = { ...tab('away', 'Anna'), seenAt: NOW - 1_000 };
		expect(personRecord([tab('connected', 'Ana'), latest], NOW)).toMatchObject({
			name: 'Anna',
			seenAt: NOW,
			joinedAt: NOW - 1_000
		});
	});

	test('nobody with no open connection', () => {
		expect(personRecord([], NOW)).toBeUndefined();
	});
});
