import * as z from 'zod/mini';
import { ratingValueSchema } from '../protocol/control';
import { playbookIdSchema, roleIdSchema, roomIdSchema } from '../protocol/ids';
import { skillSchema } from '../protocol/playbook';
import { displayNameSchema } from '../protocol/presence';
import {
	commitmentSchema,
	MAX_LINE_CHARACTERS,
	MAX_SHOUT_OUT_CHARACTERS,
	MAX_TEXT_FIELD_CHARACTERS
} from '../protocol/room-content';

/**
 * What the personal journal keeps in one browser (IndexedDB, never sent to the server): the
 * records below, each a JSON value told apart by `type`. The same records, unchanged, make up an
 * export file, so these schemas are the journal's storage format and its file format at once:
 * change them only in ways that still parse what older versions wrote (new fields optional or
 * with defaults), or raise {@link JOURNAL_EXPORT_VERSION}. docs/journal.md describes them.
 */

/** A time in ms since the epoch that a Date can hold (so formatting it cannot throw). */
export const epochMsSchema = z.number().check(z.int(), z.nonnegative(), z.maximum(8.64e15));

/** A self-rated confidence in a skill: 1 (not yet) to 5 (very). */
export const confidenceSchema = z.number().check(z.int(), z.minimum(1), z.maximum(5));
export type Confidence = z.infer<typeof confidenceSchema>;

/** The longest answer to one reflection question, check-in or pulse question. */
export const MAX_JOURNAL_TEXT_CHARACTERS = MAX_TEXT_FIELD_CHARACTERS;

const journalText = z
	.string()
	.check(
		z.maxLength(
			MAX_JOURNAL_TEXT_CHARACTERS,
			`must be at most ${MAX_JOURNAL_TEXT_CHARACTERS} characters`
		)
	);

/**
 * What every record has. Ids are unique in the journal: storing a record with an id already
 * there replaces it, which is what makes importing the same file twice, or adding the same
 * shout-out twice, change nothing.
 */
const entryBase = {
	id: z.string().check(z.minLength(1), z.maxLength(200)),
	/** When this browser first stored it. */
	createdAt: epochMsSchema,
	/** When it last changed; an import keeps the newer of two records with the same id. */
	updatedAt: epochMsSchema
};

/** A real conversation planned in a session (the feedback builder's schedule). */
export const plannedConversationSchema = z.object({
	title: z.string().check(z.minLength(1), z.maxLength(80)),
	/** When it is to happen. */
	startsAt: epochMsSchema
});
export type PlannedConversationFact = z.infer<typeof plannedConversationSchema>;

/**
 * The facts of one session a reflection was pre-filled from, as this person took part in it
 * (derived from the session summary by `prefill.ts`). Counts are this person's own.
 */
export const sessionFactsSchema = z.object({
	roomId: roomIdSchema,
	playbookId: playbookIdSchema,
	playbookTitle: z.string().check(z.minLength(1), z.maxLength(80)),
	/** When the session started. */
	date: epochMsSchema,
	/** Time spent in the session's phases. */
	durationMs: z.number().check(z.int(), z.nonnegative()),
	/** The skills the playbook practises. */
	skills: z._default(z.array(skillSchema), []),
	/** This person's own commitment, if they wrote one. */
	commitment: z.nullable(commitmentSchema),
	/**
	 * The felt-understanding ratings (1–5) that speakers gave in the rounds this person listened
	 * in, in round order: how understood the people they listened to felt.
	 */
	ratingsReceived: z.array(ratingValueSchema).check(z.maxLength(50)),
	/** The phrases starred in the session's role-play script. */
	starredPhrases: z
		.array(z.string().check(z.maxLength(MAX_LINE_CHARACTERS)))
		.check(z.maxLength(200)),
	/** Paraphrases written in rounds where this person was the listener. */
	paraphrasesWritten: z.number().check(z.int(), z.nonnegative()),
	/** Feedback messages drafted in the session (a rehearsed feedback conversation each). */
	feedbackMessagesDrafted: z.number().check(z.int(), z.nonnegative()),
	/** The real feedback conversation this person planned in the session, if any. */
	feedbackConversation: z.nullable(plannedConversationSchema)
});
export type SessionFacts = z.infer<typeof sessionFactsSchema>;

/**
 * A reflection: context, action, result and feelings (the answers may be empty), with a
 * self-rated confidence in the skill practised. Written after a session (with its facts) or at
 * any time (`session: null`).
 */
export const reflectionEntrySchema = z.object({
	type: z.literal('reflection'),
	...entryBase,
	/** The skill practised, which the confidence is about. */
	skill: skillSchema,
	confidence: confidenceSchema,
	context: journalText,
	action: journalText,
	result: journalText,
	feelings: journalText,
	session: z.nullable(sessionFactsSchema)
});
export type ReflectionEntry = z.infer<typeof reflectionEntrySchema>;

/** What a check-in follows up: a commitment, or a real feedback conversation planned. */
export const CHECK_IN_SUBJECTS = ['commitment', 'feedback-conversation'] as const;
export const checkInSubjectSchema = z.enum(CHECK_IN_SUBJECTS);
export type CheckInSubject = z.infer<typeof checkInSubjectSchema>;

/**
 * A follow-up made in a session: it asks "how did it go?" once `dueAt` has passed (`follow-up.ts`).
 * One per session and subject: its id is `checkInId(roomId, subject)`.
 */
export const checkInEntrySchema = z.object({
	type: z.literal('check-in'),
	...entryBase,
	subject: checkInSubjectSchema,
	/** The session it was made in. */
	roomId: roomIdSchema,
	playbookTitle: z.string().check(z.minLength(1), z.maxLength(80)),
	sessionDate: epochMsSchema,
	/** What was committed to (for a conversation: its title), when, and with whom, as written. */
	commitment: commitmentSchema,
	/** From when the check-in asks. */
	dueAt: epochMsSchema,
	/** "How did it go?", in the person's words. */
	answer: journalText,
	/** Done as planned. */
	done: z.boolean(),
	/** When it was answered; null while it waits. */
	answeredAt: z.nullable(epochMsSchema)
});
export type CheckInEntry = z.infer<typeof checkInEntrySchema>;

/** The one check-in of a session for a subject. */
export const checkInId = (roomId: string, subject: CheckInSubject): string =>
	`check-in:${roomId}:${subject}`;

/**
 * A shout-out this person received in a room: appreciation for a specific behaviour, copied from
 * the room's document (`SHOUT_OUTS_ARRAY`) once. Its id is `shoutOutEntryId(shoutOutId)`.
 */
export const shoutOutEntrySchema = z.object({
	type: z.literal('shout-out'),
	...entryBase,
	fromName: displayNameSchema,
	behaviour: z.string().check(z.minLength(1), z.maxLength(MAX_SHOUT_OUT_CHARACTERS)),
	/** When it was sent (server time). */
	date: epochMsSchema,
	roomId: roomIdSchema,
	playbookTitle: z.string().check(z.minLength(1), z.maxLength(80)),
	/** The sender nominated this person for practising kindness under pressure. */
	kindUnderPressure: z.boolean()
});
export type ShoutOutEntry = z.infer<typeof shoutOutEntrySchema>;

/** The journal id of a shout-out from a room, the same on every import. */
export const shoutOutEntryId = (shoutOutId: string): string => `shout-out:${shoutOutId}`;

/**
 * That this person took part in a room's session: no content, only which room, playbook, when and
 * in which roles. Written once per room, when they have joined and confirmed the agreements
 * (`attendance.ts`), so a session counts even when nothing else of it reached the journal. Its
 * id is `attendedId(roomId)`; the room's erasure deletes it.
 */
export const attendedEntrySchema = z.object({
	type: z.literal('attended'),
	...entryBase,
	roomId: roomIdSchema,
	playbookId: playbookIdSchema,
	playbookTitle: z.string().check(z.minLength(1), z.maxLength(80)),
	/** When this person's session started (server time). */
	date: epochMsSchema,
	/** The skills the playbook practises. */
	skills: z._default(z.array(skillSchema).check(z.maxLength(20)), []),
	/** The roles this person played, first one first. */
	roles: z._default(z.array(roleIdSchema).check(z.maxLength(20)), [])
});
export type AttendedEntry = z.infer<typeof attendedEntrySchema>;

/** The one attendance record of a room. */
export const attendedId = (roomId: string): string => `attended:${roomId}`;

/** A month as `YYYY-MM`. */
export const monthSchema = z
	.string()
	.check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month: YYYY-MM'));

/**
 * The monthly pulse: one open question about working relationships, its answer, and a
 * confidence. Written by the "My practice" page; one per month, id `pulseId(month)`.
 */
export const pulseEntrySchema = z.object({
	type: z.literal('pulse'),
	...entryBase,
	month: monthSchema,
	/** The question as it was asked. */
	question: z.string().check(z.minLength(1), z.maxLength(300)),
	answer: journalText,
	confidence: confidenceSchema
});
export type PulseEntry = z.infer<typeof pulseEntrySchema>;

export const pulseId = (month: string): string => `pulse:${month}`;

/** Any journal record. */
export const journalEntrySchema = z.discriminatedUnion('type', [
	reflectionEntrySchema,
	checkInEntrySchema,
	shoutOutEntrySchema,
	pulseEntrySchema,
	attendedEntrySchema
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type JournalEntryType = JournalEntry['type'];
/** The records of one type. */
export type JournalEntryOf<T extends JournalEntryType> = Extract<JournalEntry, { type: T }>;

/** Marks a file as a journal export, whatever its name. */
export const JOURNAL_FORMAT = 'practice-room-journal';
/** Raised when a change to the records would not parse in an older version. */
export const JOURNAL_EXPORT_VERSION = 1;
/** More records than anyone writes by hand in years; bounds what an import may cost. */
export const MAX_JOURNAL_ENTRIES = 20_000;

/** An export file: every record, as stored. */
export const journalExportSchema = z.object({
	format: z.literal(JOURNAL_FORMAT, { error: 'is not a Practice Room journal export' }),
	version: z.literal(JOURNAL_EXPORT_VERSION, {
		error: `must be ${JOURNAL_EXPORT_VERSION}: this file comes from another version`
	}),
	exportedAt: epochMsSchema,
	entries: z.array(journalEntrySchema).check(z.maxLength(MAX_JOURNAL_ENTRIES))
});
export type JournalExport = z.infer<typeof journalExportSchema>;
