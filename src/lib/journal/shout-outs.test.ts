import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { SHOUT_OUTS_ARRAY } from '../protocol/room-content';
import { ROOM_ID, T0 } from './journal.fixture';
import { readShoutOuts, receivedShoutOuts, sendShoutOut, showShoutOuts } from './shout-outs';

const ANA = 'ana-0001';
const BEN = 'ben-0002';
const people = {
	[ANA]: { name: 'Ana', roleId: 'speaker' },
	[BEN]: { name: 'Ben', roleId: 'listener' }
};
const draft = {
	id: 'shout-0001',
	fromParticipantId: ANA,
	fromName: 'Ana',
	toParticipantId: BEN,
	behaviour: ' You let the silence work ',
	kindUnderPressure: true
};

const roomDoc = () => {
	const doc = new Y.Doc();
	return { doc, array: doc.getArray<unknown>(SHOUT_OUTS_ARRAY) };
};

describe('shout-outs in the room document', () => {
	test('a sent shout-out is read back, trimmed and stamped to the millisecond', () => {
		const { doc, array } = roomDoc();
		expect(sendShoutOut(doc, draft, T0 + 0.4)).toEqual({ ok: true });
		expect(readShoutOuts(array)).toEqual([
			{ ...draft, behaviour: 'You let the silence work', at: T0 }
		]);
	});

	test('an empty, overlong or self-addressed shout-out changes nothing and says why', () => {
		const { doc, array } = roomDoc();
		expect(sendShoutOut(doc, { ...draft, behaviour: '  ' }, T0)).toEqual({
			ok: false,
			problems: ['The shout-out must not be empty.']
		});
		expect(sendShoutOut(doc, { ...draft, behaviour: 'x'.repeat(301) }, T0)).toEqual({
			ok: false,
			problems: ['The shout-out must be at most 300 characters.']
		});
		expect(sendShoutOut(doc, { ...draft, toParticipantId: ANA }, T0)).toEqual({
			ok: false,
			problems: ['Choose someone else in the room to send it to.']
		});
		expect(array.length).toBe(0);
	});

	test('values that do not parse, and repeated ids, are left out', () => {
		const { doc, array } = roomDoc();
		sendShoutOut(doc, draft, T0);
		array.push([{ ...draft, behaviour: 42 }, 'junk', { ...draft, at: T0 + 1, behaviour: 'again' }]);
		expect(readShoutOuts(array).map(({ behaviour }) => behaviour)).toEqual([
			'You let the silence work'
		]);
	});

	test('are shown with the names the room recorded', () => {
		const { doc, array } = roomDoc();
		sendShoutOut(doc, { ...draft, fromName: 'Not Ana' }, T0);
		sendShoutOut(doc, { ...draft, id: 'shout-0002', toParticipantId: 'gone-0003' }, T0);
		expect(showShoutOuts(readShoutOuts(array), people)).toEqual([
			{
				id: 'shout-0001',
				fromName: 'Ana',
				toName: 'Ben',
				behaviour: 'You let the silence work',
				kindUnderPressure: true,
				at: T0
			},
			{
				id: 'shout-0002',
				fromName: 'Ana',
				toName: 'Someone who has left',
				behaviour: 'You let the silence work',
				kindUnderPressure: true,
				at: T0
			}
		]);
	});

	test('the recipient’s journal records are theirs only, with stable ids', () => {
		const { doc, array } = roomDoc();
		sendShoutOut(doc, draft, T0);
		sendShoutOut(
			doc,
			{ ...draft, id: 'shout-0002', fromParticipantId: BEN, toParticipantId: ANA },
			T0
		);
		const context = { selfId: BEN, roomId: ROOM_ID, playbookTitle: 'Listening', now: T0 + 5 };
		expect(receivedShoutOuts(readShoutOuts(array), people, context)).toEqual([
			{
				type: 'shout-out',
				id: 'shout-out:shout-0001',
				createdAt: T0 + 5,
				updatedAt: T0 + 5,
				fromName: 'Ana',
				behaviour: 'You let the silence work',
				date: T0,
				roomId: ROOM_ID,
				playbookTitle: 'Listening',
				kindUnderPressure: true
			}
		]);
	});
});
