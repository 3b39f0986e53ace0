import { describe, expect, test } from 'vitest';
import type { Participant } from '../protocol/presence';
import { personRecord, rosterView } from './presence';

const policy = { staleAfterMs: 30_000, forgetAfterMs: 600_000 };
const NOW = 1_700_000_000_000;

function person(name: string, status: Participant['status'], ageMs: number): Participant {
	return { participantId: `id-${name}-0000`, name, roleId: 'speaker', status, seenAt: NOW - ageMs };
}

describe('roster view', () => {
	test('fresh records are shown as they are, sorted by name', () => {
		const { roster, expired } = rosterView(
			[person('Zoe', 'connected', 0), person('Ada', 'away', 1_000)],
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
		const { roster } = rosterView([person('Ada', 'connected', 31_000)], NOW, policy);
		expect(roster[0]?.status).toBe('gone');
	});

	test('a record older than the forget limit is dropped and reported for deletion', () => {
		const { roster, expired } = rosterView([person('Ada', 'gone', 600_001)], NOW, policy);
		expect(roster).toEqual([]);
		expect(expired).toEqual(['id-Ada-0000']);
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

	test('the record is fresh and carries their latest join’s name', () => {
		expect(personRecord([tab('connected', 'Ana'), tab('away', 'Anna')], NOW)).toMatchObject({
			name: 'Anna',
			seenAt: NOW
		});
	});

	test('nobody with no open connection', () => {
		expect(personRecord([], NOW)).toBeUndefined();
	});
});
