import type * as Y from 'yjs';
import {
	COMMITMENTS_MAP,
	FEEDBACK_PARTS,
	LANDED_MAP,
	feedbackTextName,
	OBSERVATIONS_ARRAY,
	observationSchema,
	PARAPHRASE_PARTS,
	paraphraseTextName,
	roundKey,
	SCHEDULE_MAP,
	SENTENCE_NUMBERS,
	sentenceTextName,
	type Observation
} from '../protocol/room-content';
import { spokenClips } from '../room/roleplay-turns';
import { readSchedule } from '../room/schedule';
import type { RoundPlan } from '../room/steps';
import { sessionRounds } from '../room/control';
import type { RoomContent } from '../room/summary';
import type { RoundContent } from '../room/summary-rounds';
import { CLIP_PURPOSES, CLIPS_MAP } from '../protocol/clips';
import { readClips } from './clips-doc';
import { readCommitments } from './commitments';
import { readLanded } from './landed-doc';
import { perPart } from './per-part';
import { ScriptDoc } from './script-doc';

function readRound(doc: Y.Doc, round: number): RoundContent {
	const key = roundKey(round);
	const text = (name: string) => doc.getText(name).toString();
	const scriptLines = new ScriptDoc(doc, key).read().lines;
	return {
		round,
		paraphrase: perPart(PARAPHRASE_PARTS, (part) => text(paraphraseTextName(key, part))),
		landed: readLanded(doc.getMap(LANDED_MAP), round),
		feedback: perPart(FEEDBACK_PARTS, (part) => text(feedbackTextName(key, part))),
		scriptLines,
		sentences: SENTENCE_NUMBERS.map((n) => text(sentenceTextName(key, n))),
		clips: [
			...CLIP_PURPOSES.flatMap((purpose) =>
				Object.values(readClips(doc.getMap(CLIPS_MAP), purpose, round)).map((clip) => ({
					purpose,
					clip
				}))
			),
			...spokenClips(scriptLines)
		]
			.sort((a, b) => a.clip.at - b.clip.at)
			.map(({ purpose, clip }) => ({
				purpose,
				participantId: clip.participantId,
				durationMs: clip.durationMs
			}))
	};
}

/** The observations people shared, in the order shared; entries that do not parse are left out. */
export function readObservations(array: Y.Array<unknown>): Observation[] {
	return array.toArray().flatMap((value) => {
		const parsed = observationSchema.safeParse(value);
		return parsed.success ? [parsed.data] : [];
	});
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
		schedule: readSchedule(doc.getMap<unknown>(SCHEDULE_MAP).entries()),
		observations: readObservations(doc.getArray(OBSERVATIONS_ARRAY))
	};
}
