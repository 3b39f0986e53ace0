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
import { m } from '../paraglide/messages';

/** What a tab does when the server closes its document connection (docs/protocol.md, Y4–Y11). */
export type DocCloseAction =
	/** The room is gone: stop and forget it. */
	| { type: 'erased' }
	/** The host removed this person. */
	| { type: 'removed' }
	/** The room was locked while this tab's connection did not carry its ticket: connect with it. */
	| { type: 'reconnect' }
	/** The room is locked and this tab is not among its people (its ticket was refused, or it has none). */
	| { type: 'locked' }
	/** Tell the person, in these words. */
	| { type: 'explain'; words: string }
	/** Nothing to say: the provider reconnects by itself. */
	| { type: 'none' };

/** What a close means, in the person's words (read in their language). */
export const CLOSE_WORDS = {
	tooBig: m.room_close_too_big,
	tooMany: m.room_close_too_many,
	outOfStep: m.room_close_out_of_step,
	refusedWrite: m.room_close_refused_write,
	presenceTooLarge: m.room_close_presence_too_large,
	locked: m.room_close_locked,
	projectorReplaced: m.room_close_projector_replaced,
	projectorNotValid: m.room_refusal_projector_link
} satisfies Record<string, () => string>;

/**
 * The words for a limit's close (1008, 1009; docs/protocol.md, L2–L8), told apart by `reason`;
 * undefined for any other close. The provider reconnects by itself after these.
 */
export function limitCloseWords(code: number, reason: string): string | undefined {
	switch (code) {
		case CLOSE_TOO_BIG:
			return reason === LIMIT_CLOSE_REASONS.awarenessTooLarge
				? CLOSE_WORDS.presenceTooLarge()
				: CLOSE_WORDS.tooBig();
		case CLOSE_POLICY_VIOLATION:
			if (reason === LIMIT_CLOSE_REASONS.missingChanges) return CLOSE_WORDS.outOfStep();
			if (reason === LIMIT_CLOSE_REASONS.serverClientId) return CLOSE_WORDS.refusedWrite();
			return CLOSE_WORDS.tooMany();
		default:
			return undefined;
	}
}

/**
 * What a close with `code` means for this tab: a projector's or a participant's, and whether it
 * holds a document ticket from its join that the closed connection did not carry (a connection
 * refused with its ticket would be refused again: connecting once more would only loop).
 */
export function docCloseAction(
	code: number,
	tab: { projector: boolean; unsentTicket: boolean },
	reason = ''
): DocCloseAction {
	const limit = limitCloseWords(code, reason);
	if (limit !== undefined) return { type: 'explain', words: limit };
	switch (code) {
		case CLOSE_ROOM_ERASED:
		case CLOSE_ROOM_NOT_FOUND:
			return { type: 'erased' };
		case CLOSE_ROOM_LOCKED:
			return tab.unsentTicket ? { type: 'reconnect' } : { type: 'locked' };
		case CLOSE_NOT_ALLOWED:
			if (!tab.projector) return { type: 'removed' };
			// A link a removal replaced, or one the room never had (mistyped, say): Y8.
			return {
				type: 'explain',
				words:
					reason === PROJECTOR_CLOSE_REASONS.replaced
						? CLOSE_WORDS.projectorReplaced()
						: CLOSE_WORDS.projectorNotValid()
			};
		default:
			return { type: 'none' };
	}
}
