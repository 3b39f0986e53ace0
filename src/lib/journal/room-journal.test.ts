import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { controlStateSchema } from '../protocol/control';
import { COMMITMENTS_MAP } from '../protocol/room-content';
import { openIndexedDbJournal } from './indexeddb-journal';
import { ROOM_ID, T0 } from './journal.fixture';
import {
	forgetRoomAttendance,
	readSessionFacts,
	syncRoomJournal,
	type RoomJournalSource
} from './room-journal';
import { sendShoutOut } from './shout-outs';

const ANA = 'ana-0001';
const BEN = 'ben-0002';
const control = controlStateSchema.parse({
	step: 0,
	timer: { status: 'idle', durationMs: 60_000 },
	people: { [ANA]: { name: 'Ana', roleId: 'speaker' }, [BEN]: { name: 'Ben', roleId: 'listener' } },
	history: [{ phaseIndex: 0, round: 1, at: T0 }]
});

const agreedByAna = { ...control, agreed: [ANA] };

function room(selfId: string): RoomJournalSource {
	return {
		doc: new Y.Doc(),
		roomId: ROOM_ID,
		playbook: {
			id: 'listening',
			title: 'Listening',
			skills: ['listening'],
			roles: [
				{ id: 'speaker', name: 'Speaker' },
				{ id: 'listener', name: 'Listener' }
			],
			rotation: 'none',
			phases: [{ id: 'close', title: 'Close', tool: 'commitment' }]
		},
		selfId,
		control: () => control,
		// The server clock's estimate has fractions of a millisecond.
		now: () => T0 + 60_000.25
	};
}

describe('syncRoomJournal', () => {
	test('adds the shout-outs this person received, once, and follows up their commitment', async () => {
		const source = room(BEN);
		const journal = openIndexedDbJournal('room-journal-test-1');
		const send = (id: string, from: string, to: string, behaviour: string) => {
			const shoutOut = { id, fromParticipantId: from, fromName: 'Someone', toParticipantId: to };
			const sent = sendShoutOut(
				source.doc,
				{ ...shoutOut, behaviour, kindUnderPressure: false },
				T0
			);
			expect(sent).toEqual({ ok: true });
		};
		send('shout-0001', ANA, BEN, 'Calm');
		send('shout-0002', BEN, ANA, 'Not for Ben');
		source.doc
			.getMap(COMMITMENTS_MAP)
			.set(BEN, { what: 'Pause first', when: 'today', withWhom: '' });

		const stop = syncRoomJournal(source, journal);
		await vi.waitFor(async () => expect(await journal.list()).toHaveLength(2));
		stop();
		// A second browser tab, or a reload, copies again: nothing new appears.
		const again = syncRoomJournal(source, journal);
		await vi.waitFor(async () =>
			expect((await journal.list('shout-out')).map(({ behaviour }) => behaviour)).toEqual(['Calm'])
		);
		again();
		expect(await journal.list('check-in')).toMatchObject([
			{ subject: 'commitment', commitment: { what: 'Pause first' } }
		]);
	});

	test('records once that this person took part after agreeing, and forgets it when the room is erased', async () => {
		const journal = openIndexedDbJournal('room-journal-test-2');
		const stop = syncRoomJournal({ ...room(ANA), control: () => agreedByAna }, journal);
		await vi.waitFor(async () =>
			expect(await journal.list('attended')).toMatchObject([
				{ id: `attended:${ROOM_ID}`, roomId: ROOM_ID, roles: ['speaker'], date: T0 }
			])
		);
		stop();
		// Ben is in the room but has not agreed: his journal gets his shout-out, not the session.
		const bens = openIndexedDbJournal('room-journal-test-3');
		const benRoom = { ...room(BEN), control: () => agreedByAna };
		const shoutOut = { id: 'shout-0003', fromParticipantId: ANA, fromName: 'Ana' };
		sendShoutOut(
			benRoom.doc,
			{ ...shoutOut, toParticipantId: BEN, behaviour: 'Calm', kindUnderPressure: false },
			T0
		);
		const stopBen = syncRoomJournal(benRoom, bens);
		await vi.waitFor(async () => expect(await bens.list('shout-out')).toHaveLength(1));
		stopBen();
		expect(await bens.list('attended')).toEqual([]);

		await forgetRoomAttendance(ROOM_ID, journal);
		expect(await journal.list()).toEqual([]);
	});

	test('facts are read only once the room has synced its control state', () => {
		expect(readSessionFacts({ ...room(BEN), control: () => undefined })).toBeUndefined();
		expect(readSessionFacts(room(BEN))).toMatchObject({
			roomId: ROOM_ID,
			playbookTitle: 'Listening'
		});
	});
});
