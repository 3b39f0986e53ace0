import type * as Y from 'yjs';
import {
	PARAPHRASE_PARTS,
	paraphraseTextName,
	SENTENCE_NUMBERS,
	sentenceTextName,
	type ParaphrasePart
} from '../protocol/room-content';
import { ClipsDoc } from './clips-doc';
import { CommitmentsDoc } from './commitments';
import { FeedbackAnswersDoc } from './feedback-answers';
import { FeedbackDraft } from './feedback-draft';
import { LandedDoc } from './landed-doc';
import { ObservationsDoc } from './observations';
import { perPart } from './per-part';
import { ReceivingDoc } from './receiving';
import { ScheduleDoc } from './schedule-doc';
import { ScriptDoc } from './script-doc';

export type SentenceNumber = (typeof SENTENCE_NUMBERS)[number];

/**
 * The content of a room's document (docs/document-schema.md) as the practice tools use it: one
 * typed adapter per tool, so no component writes a Yjs type itself. Shared texts are handed out
 * as they are, for a field to bind (`text-binding.ts` carries every edit).
 */
export class ContentDoc {
	readonly commitments: CommitmentsDoc;
	readonly schedule: ScheduleDoc;
	readonly observations: ObservationsDoc;
	/** Voice clips: whose, for which purpose and round (protocol B1). */
	readonly clips: ClipsDoc;
	/** The phrase that landed in each round's paraphrase (protocol A17). */
	readonly landed: LandedDoc;
	/** Across time zones: what receivers heard of the feedback, and how it matched (A20, A21). */
	readonly feedbackAnswers: FeedbackAnswersDoc;

	constructor(readonly doc: Y.Doc) {
		this.commitments = new CommitmentsDoc(doc);
		this.clips = new ClipsDoc(doc);
		this.landed = new LandedDoc(doc);
		this.feedbackAnswers = new FeedbackAnswersDoc(doc);
		this.schedule = new ScheduleDoc(doc);
		this.observations = new ObservationsDoc(doc);
	}

	/** One round's paraphrase: a shared text per part. */
	paraphrase(key: string): Record<ParaphrasePart, Y.Text> {
		return perPart(PARAPHRASE_PARTS, (part) => this.doc.getText(paraphraseTextName(key, part)));
	}

	/** One round's two sentences, each a shared text. */
	sentences(key: string): Record<SentenceNumber, Y.Text> {
		return perPart(SENTENCE_NUMBERS, (n) => this.doc.getText(sentenceTextName(key, n)));
	}

	/** One round's feedback message as everyone drafts it. */
	feedback(key: string): FeedbackDraft {
		return new FeedbackDraft(this.doc, key);
	}

	/** One round's receiving checklist. */
	receiving(key: string): ReceivingDoc {
		return new ReceivingDoc(this.doc, key);
	}

	/** One round's role-play script. */
	script(key: string): ScriptDoc {
		return new ScriptDoc(this.doc, key);
	}
}
