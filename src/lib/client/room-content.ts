import type * as Y from 'yjs';
import {
	COMMITMENTS_MAP,
	FEEDBACK_PARTS,
	feedbackTextName,
	PARAPHRASE_PARTS,
	paraphraseTextName,
	roundKey,
	SCHEDULE_MAP,
	SENTENCE_NUMBERS,
	sentenceTextName
} from '../protocol/room-content';
import { readSchedule } from '../room/schedule';
import type { RoundPlan } from '../room/steps';
import { sessionRounds, type RoomContent, type RoundContent } from '../room/summary';
import { readCommitments } from './commitments';
import { ScriptDoc } from './script-doc';

/** A tool whose parts are each a root Y.Text, as a record by part. */
function readParts<P extends string>(
	doc: Y.Doc,
	parts: readonly P[],
	name: (part: P) => string
): Record<P, string> {
	// reason: fromEntries types its keys as string; the entries are exactly `parts`.
	return Object.fromEntries(
		parts.map((part) => [part, doc.getText(name(part)).toString()])
	) as Record<P, string>;
}

function readRound(doc: Y.Doc, round: number): RoundContent {
	const key = roundKey(round);
	return {
		round,
		paraphrase: readParts(doc, PARAPHRASE_PARTS, (part) => paraphraseTextName(key, part)),
		feedback: readParts(doc, FEEDBACK_PARTS, (part) => feedbackTextName(key, part)),
		scriptLines: new ScriptDoc(doc, key).read().lines,
		sentences: SENTENCE_NUMBERS.map((n) => doc.getText(sentenceTextName(key, n)).toString())
	};
}

/**
 * A plain snapshot of what people wrote in the room's practice tools, for every round the room
 * plays. Values that do not parse (half-written, or from another version) are left out.
 */
export function readRoomContent(
	doc: Y.Doc,
	playbook: RoundPlan,
	control: { rounds?: number | undefined }
): RoomContent {
	const rounds = sessionRounds(playbook, control);
	return {
		rounds: Array.from({ length: rounds }, (_, index) => readRound(doc, index + 1)),
		commitments: readCommitments(doc.getMap(COMMITMENTS_MAP)),
		schedule: readSchedule(doc.getMap<unknown>(SCHEDULE_MAP).entries())
	};
}
