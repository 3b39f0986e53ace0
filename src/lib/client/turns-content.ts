import type * as Y from 'yjs';
import { readShoutOuts } from '../journal/shout-outs';
import { SHOUT_OUTS_ARRAY } from '../protocol/room-content';
import type { TurnsContent } from '../room/summary-turns';
import { readFeedbackAnswers } from './feedback-answers';

/**
 * What people left in their turns for the summary's added sections (protocol A22, A23), as a
 * plain snapshot of rounds 1 to `rounds`.
 */
export function readTurnsContent(doc: Y.Doc, rounds: number): TurnsContent {
	return {
		answers: readFeedbackAnswers(doc, rounds),
		shoutOuts: readShoutOuts(doc.getArray(SHOUT_OUTS_ARRAY))
	};
}
