import { describe, expect, test } from 'vitest';
import { controlStateSchema, type ControlState } from '../protocol/control';
import { attendanceEntry, attendedSessionFacts, tookPart } from './attendance';
import { badgesOf } from './badges';
import { attendedId, JOURNAL_EXPORT_VERSION, JOURNAL_FORMAT, type AttendedEntry } from './entry';
import { planImport, readExport } from './export-file';
import { reflection, ROOM_ID, sessionFacts, T0 } from './journal.fixture';
import { practiceTotals, sessionsOf, weeklyPractice } from './metrics';

const ANA = 'ana-0001';
const BEN = 'ben-0002';
const control = (change: Partial<ControlState> = {}): ControlState => ({
	...controlStateSchema.parse({
		step: 0,
		timer: { status: 'idle', durationMs: 60_000 },
		people: {
			[ANA]: { name: 'Ana', roleId: 'speaker' },
			[BEN]: { name: 'Ben', roleId: 'listener' }
		}
	}),
	...change
});
const NOW = T0 + 5 * 60_000;
const input = (state: ControlState, selfId = ANA) => ({
	control: state,
	facts: sessionFacts,
	selfId,
	now: NOW
});

const attended: AttendedEntry = {
	type: 'attended',
	id: attendedId(ROOM_ID),
	createdAt: NOW,
	updatedAt: NOW,
	roomId: ROOM_ID,
	playbookId: sessionFacts.playbookId,
	playbookTitle: sessionFacts.playbookTitle,
	date: T0,
	skills: ['listening', 'empathy'],
	roles: ['speaker']
};

describe('taking part in a session', () => {
	test('joining alone is not taking part; confirming the agreements is', () => {
		expect(tookPart(control(), ANA)).toBe(false);
		expect(tookPart(control({ agreed: [ANA] }), ANA)).toBe(true);
		expect(tookPart(control({ agreed: [BEN] }), ANA)).toBe(false);
	});

	test('a room that moved past its first step with this person in it counts as taken part', () => {
		expect(tookPart(control({ step: 1 }), ANA)).toBe(true);
	});

	test('someone not in the room has not taken part, whatever the room did', () => {
		expect(tookPart(control({ step: 3, agreed: ['cy-00003'] }), 'cy-00003')).toBe(false);
	});

	test('the record names room, playbook, date, skills and role, and no content', () => {
		expect(attendanceEntry(input(control({ agreed: [ANA] })), undefined)).toEqual(attended);
		expect(attendanceEntry(input(control()), undefined)).toBeUndefined();
	});

	test('is written once: the same session read again changes nothing', () => {
		expect(attendanceEntry(input(control({ agreed: [ANA], step: 2 })), attended)).toBeUndefined();
	});

	test('a role played later is added; the first date and createdAt stay', () => {
		const later = { ...input(control({ agreed: [ANA] })), now: NOW + 60_000 };
		later.control.people = { [ANA]: { name: 'Ana', roleId: 'listener' } };
		later.facts = { ...sessionFacts, date: T0 + 1 };
		expect(attendanceEntry(later, attended)).toEqual({
			...attended,
			updatedAt: NOW + 60_000,
			roles: ['speaker', 'listener']
		});
	});
});

describe('sessions and the first-session badge from attendance', () => {
	test('a session with only an attendance record counts once, with no minutes', () => {
		expect(sessionsOf([attended])).toEqual([attendedSessionFacts(attended)]);
		expect(practiceTotals([attended])).toMatchObject({ sessions: 1, minutes: 0, paraphrases: 0 });
		const week = weeklyPractice([attended], { timeZone: 'UTC', now: NOW }, 1)[0];
		expect(week?.sessions).toBe(1);
	});

	test('a session with a reflection and an attendance record counts once, by the reflection', () => {
		expect(sessionsOf([attended, reflection])).toEqual([sessionFacts]);
		expect(sessionsOf([reflection, attended])).toEqual([sessionFacts]);
		expect(practiceTotals([attended, reflection]).sessions).toBe(1);
	});

	test('taking part without writing anything earns the first-session badge', () => {
		const first = badgesOf([attended], 'UTC').find((badge) => badge.id === 'first-session');
		expect(first?.earnedAt).toBe(T0);
	});
});

describe('attendance in export files', () => {
	const file = (entries: unknown[]) => ({
		format: JOURNAL_FORMAT,
		version: JOURNAL_EXPORT_VERSION,
		exportedAt: NOW,
		entries
	});

	test('an attendance record is read back from an export', () => {
		const read = readExport(JSON.parse(JSON.stringify(file([attended]))));
		expect(read).toEqual({ ok: true, file: file([attended]) });
	});

	test('a damaged attendance record refuses the file and says where', () => {
		const read = readExport(file([{ ...attended, roomId: 'not a room id!' }]));
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.problems.join('\n')).toContain('entries[0].roomId');
		const roles = readExport(file([{ ...attended, roles: ['Not A Role'] }]));
		expect(roles.ok).toBe(false);
	});

	test('importing the same attendance merges by id: added once, then unchanged or updated', () => {
		expect(planImport(() => undefined, [attended])).toMatchObject({ added: 1, updated: 0 });
		expect(planImport(() => attended, [attended])).toMatchObject({ added: 0, unchanged: 1 });
		const newer = { ...attended, updatedAt: NOW + 1, roles: ['speaker', 'listener'] };
		expect(planImport(() => attended, [newer])).toMatchObject({ updated: 1, write: [newer] });
	});
});
