import { describe, expect, test } from 'vitest';
import {
	CLOSE_NOT_ALLOWED,
	CLOSE_POLICY_VIOLATION,
	CLOSE_ROOM_ERASED,
	CLOSE_ROOM_LOCKED,
	CLOSE_ROOM_NOT_FOUND,
	CLOSE_TOO_BIG,
	LIMIT_CLOSE_REASONS,
	PROJECTOR_CLOSE_REASONS
} from '../protocol/doc-close';
import { CLOSE_WORDS, docCloseAction, limitCloseWords } from './doc-close';

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
		expect(docCloseAction(CLOSE_NOT_ALLOWED, projector, PROJECTOR_CLOSE_REASONS.replaced)).toEqual({
			type: 'explain',
			words: CLOSE_WORDS.projectorReplaced()
		});
		expect(docCloseAction(CLOSE_NOT_ALLOWED, participant)).toEqual({ type: 'removed' });
	});

	test('[Y8] a projector link the room never had is not valid: nobody was removed', () => {
		const words = CLOSE_WORDS.projectorNotValid();
		expect(words).toBe('This projector link is not valid for this room.');
		expect(docCloseAction(CLOSE_NOT_ALLOWED, projector, PROJECTOR_CLOSE_REASONS.notValid)).toEqual({
			type: 'explain',
			words
		});
		// A reason it does not know claims no removal either.
		expect(docCloseAction(CLOSE_NOT_ALLOWED, projector)).toEqual({ type: 'explain', words });
	});

	test('erased rooms, limits, and closes the provider recovers from by itself', () => {
		expect(docCloseAction(CLOSE_ROOM_ERASED, participant)).toEqual({ type: 'erased' });
		expect(docCloseAction(CLOSE_ROOM_NOT_FOUND, projector)).toEqual({ type: 'erased' });
		expect(docCloseAction(CLOSE_TOO_BIG, participant)).toMatchObject({ type: 'explain' });
		expect(docCloseAction(CLOSE_POLICY_VIOLATION, participant)).toMatchObject({ type: 'explain' });
		expect(docCloseAction(1006, participant)).toEqual({ type: 'none' });
	});

	test('[L2, L3, L4, L7, L8, Y3] each limit’s close has its own words, told apart by its reason', () => {
		const words = (code: number, reason: string) => limitCloseWords(code, reason);
		expect(words(CLOSE_POLICY_VIOLATION, LIMIT_CLOSE_REASONS.tooManyMessages)).toBe(
			CLOSE_WORDS.tooMany()
		);
		expect(words(CLOSE_POLICY_VIOLATION, LIMIT_CLOSE_REASONS.missingChanges)).toBe(
			CLOSE_WORDS.outOfStep()
		);
		expect(words(CLOSE_POLICY_VIOLATION, LIMIT_CLOSE_REASONS.serverClientId)).toBe(
			CLOSE_WORDS.refusedWrite()
		);
		expect(words(CLOSE_TOO_BIG, LIMIT_CLOSE_REASONS.textTooLong)).toBe(CLOSE_WORDS.tooBig());
		expect(words(CLOSE_TOO_BIG, LIMIT_CLOSE_REASONS.roomFull)).toBe(CLOSE_WORDS.tooBig());
		expect(words(CLOSE_TOO_BIG, LIMIT_CLOSE_REASONS.awarenessTooLarge)).toBe(
			CLOSE_WORDS.presenceTooLarge()
		);
		expect(
			docCloseAction(CLOSE_TOO_BIG, participant, LIMIT_CLOSE_REASONS.awarenessTooLarge)
		).toEqual({ type: 'explain', words: CLOSE_WORDS.presenceTooLarge() });
		expect(words(1006, '')).toBeUndefined();
		expect(words(CLOSE_ROOM_LOCKED, '')).toBeUndefined();
	});
});
