import { describe, expect, test } from 'vitest';
import {
	CLOSE_NOT_ALLOWED,
	CLOSE_POLICY_VIOLATION,
	CLOSE_ROOM_ERASED,
	CLOSE_ROOM_LOCKED,
	CLOSE_ROOM_NOT_FOUND,
	CLOSE_TOO_BIG
} from '../protocol/doc-close';
import { CLOSE_WORDS, docCloseAction } from './doc-close';

const participant = { projector: false, unsentTicket: true };
const newcomer = { projector: false, unsentTicket: false };
const projector = { projector: true, unsentTicket: false };

describe('docCloseAction', () => {
	test('[Y11] a locked room: a tab with its ticket connects again with it, any other is told', () => {
		expect(docCloseAction(CLOSE_ROOM_LOCKED, participant)).toEqual({ type: 'reconnect' });
		expect(docCloseAction(CLOSE_ROOM_LOCKED, newcomer)).toEqual({ type: 'locked' });
	});

	test('[Y11] a tab refused with its ticket (gone when the room was locked) is told, not sent round again', () => {
		// Its ticket was on the closed connection: nothing is left unsent.
		const refusedWithTicket = { projector: false, unsentTicket: false };
		expect(docCloseAction(CLOSE_ROOM_LOCKED, refusedWithTicket)).toEqual({ type: 'locked' });
	});

	test('[Y8] a projector whose link was replaced is told to open the new one; a participant was removed', () => {
		expect(docCloseAction(CLOSE_NOT_ALLOWED, projector)).toEqual({
			type: 'explain',
			words: CLOSE_WORDS.projectorReplaced
		});
		expect(docCloseAction(CLOSE_NOT_ALLOWED, participant)).toEqual({ type: 'removed' });
	});

	test('erased rooms, limits, and closes the provider recovers from by itself', () => {
		expect(docCloseAction(CLOSE_ROOM_ERASED, participant)).toEqual({ type: 'erased' });
		expect(docCloseAction(CLOSE_ROOM_NOT_FOUND, projector)).toEqual({ type: 'erased' });
		expect(docCloseAction(CLOSE_TOO_BIG, participant)).toMatchObject({ type: 'explain' });
		expect(docCloseAction(CLOSE_POLICY_VIOLATION, participant)).toMatchObject({ type: 'explain' });
		expect(docCloseAction(1006, participant)).toEqual({ type: 'none' });
	});
});
