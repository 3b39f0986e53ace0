import * as z from 'zod/mini';
import { atMostCharacters, says } from './problem-words';
import { m } from '../paraglide/messages';
import { clipRefSchema } from './clips';
import { participantIdSchema, roleIdSchema } from './ids';
import { displayNameSchema } from './presence';

// zod/mini, like ids.ts: the room page parses with these, and zod's classic API stays off it
// (src/lib/protocol/zod-mini.test.ts).

/**
 * The room document's content: everything people write directly through Yjs
 * (docs/document-schema.md). Each tool's data sits in root types named after the tool and the
 * round it belongs to, so two people opening a tool at once never race to create the same
 * nested type: root types exist in every copy of the document by name alone. Phases of one
 * round that use the same tool share its data (drafting feedback, then rehearsing it).
 */

/** The key of one round's tool data. */
export const roundKey = (round: number): string => `round-${round}`;

/** The key of one rating phase's ratings in one round, in the control map. */
export const ratingKey = (phaseId: string, round: number): string =>
	`${phaseId}@${roundKey(round)}`;

/**
 * The longest text the server accepts in one shared Y.Text (docs/protocol.md, L4): the notes
 * (`NOTES_TEXT`), and every other field (a paraphrase or feedback part, a sentence). An edit that
 * would make a text longer is refused whole.
 */
export const MAX_NOTES_CHARACTERS = 20_000;
export const MAX_TEXT_FIELD_CHARACTERS = 2_000;

/** The three parts of a listener's paraphrase, each a root Y.Text. */
export const PARAPHRASE_PARTS = ['feelings', 'motives', 'needs'] as const;
export type ParaphrasePart = (typeof PARAPHRASE_PARTS)[number];
export const paraphraseTextName = (key: string, part: ParaphrasePart) =>
	`paraphrase:${key}:${part}`;

/**
 * The phrase that landed (protocol A17): what the speaker picked from the listener's paraphrase
 * as the words that made them feel understood, a copy, so a second take rewriting the paraphrase
 * keeps it. A root Y.Map of plain JSON from {@link landedKey} to the phrase.
 */
export const LANDED_MAP = 'landed';
/** The paraphrase's takes in a round: the first, and the one second take the speaker may ask for. */
export const PARAPHRASE_TAKES = [1, 2] as const;
export type ParaphraseTake = (typeof PARAPHRASE_TAKES)[number];
export const landedKey = (round: number, take: ParaphraseTake) => `${roundKey(round)}:take-${take}`;
export const landedPhraseSchema = z.object({
	/** The part of the paraphrase it was picked from. */
	part: z.enum(PARAPHRASE_PARTS),
	text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT_FIELD_CHARACTERS))
});
export type LandedPhrase = z.infer<typeof landedPhraseSchema>;

/** The feedback message, in the order it is said, each part a root Y.Text. */
export const FEEDBACK_PARTS = ['permission', 'situation', 'behaviour', 'impact', 'ask'] as const;
export type FeedbackPart = (typeof FEEDBACK_PARTS)[number];
export const feedbackTextName = (key: string, part: FeedbackPart) => `feedback:${key}:${part}`;

/** What the receiving peer ticks off; a root Y.Map from item to `true` or `false`. */
export const RECEIVING_ITEMS = ['breathe', 'paraphrase', 'thank'] as const;
export type ReceivingItem = (typeof RECEIVING_ITEMS)[number];
export const receivingMapName = (key: string) => `receiving:${key}`;

/** A time in ms since the epoch that a Date can hold (so formatting it cannot throw). */
const epochMs = z.number().check(z.int(), z.nonnegative(), z.maximum(8.64e15));

/**
 * Across time zones, what the feedback receiver heard, in their own words: a root Y.Text per
 * round (protocol A20). Live, the receiver says it aloud.
 */
export const heardTextName = (key: string) => `heard:${key}`;

/**
 * How well the receiver's answer matched the message, as the giver rated it (A21): a root Y.Map
 * from round key to a {@link FeedbackMatch}; a new rating replaces the round's last one.
 */
export const FEEDBACK_MATCH_MAP = 'feedback-match';
export const MAX_MATCH_WORD_CHARACTERS = 80;
export const feedbackMatchSchema = z.object({
	/** The giver who rated. */
	participantId: participantIdSchema,
	value: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
	/** An optional word on the match, such as "close, but the ask got lost". */
	word: z
		.string()
		.check(
			z.trim(),
			z.maxLength(MAX_MATCH_WORD_CHARACTERS, atMostCharacters(MAX_MATCH_WORD_CHARACTERS))
		),
	/** When it was rated, in server ms since the epoch. */
	at: epochMs
});
export type FeedbackMatch = z.infer<typeof feedbackMatchSchema>;

/** Real conversations people planned: a root Y.Map from participant id to the plan. */
export const SCHEDULE_MAP = 'schedule';
export const scheduledConversationSchema = z.object({
	title: z
		.string()
		.check(
			z.trim(),
			z.minLength(1, says(m.pages_problem_not_empty)),
			z.maxLength(80, atMostCharacters(80))
		),
	/** When the conversation starts, in ms since the epoch. */
	startsAt: epochMs,
	/** When to reflect on how it went, in ms since the epoch. */
	reflectAt: epochMs
});
export type ScheduledConversation = z.infer<typeof scheduledConversationSchema>;

/**
 * The role-play script. Takes form a tree: the first take has the fixed id {@link FIRST_TAKE}
 * and no record; every rewind appends a take record naming the take it branched from and how
 * many of that take's lines it keeps. Lines are Y.Maps (fields below) in one Y.Array per round,
 * each naming its take, so edits to one field of a line merge with edits to another.
 */
export const FIRST_TAKE = 'take-1';
export const scriptTakesName = (key: string) => `script:${key}:takes`;
export const scriptLinesName = (key: string) => `script:${key}:lines`;
export const scriptTakeSchema = z.object({
	id: z.string().check(z.minLength(1), z.maxLength(40)),
	parentId: z.string().check(z.minLength(1), z.maxLength(40)),
	/** How many lines of the parent take's whole script this take starts with. */
	keep: z.number().check(z.int(), z.nonnegative()),
	/** Server time of the rewind. */
	createdAt: z.number().check(z.int(), z.nonnegative())
});
export type ScriptTake = z.infer<typeof scriptTakeSchema>;
export const MAX_LINE_CHARACTERS = 500;
export const MAX_SHIFT_CHARACTERS = 40;
/**
 * A person's voice lines in one round's script, in all takes (protocol A24): a role-play plays in
 * a few minutes, and each line is one more clip for everyone to store and hear.
 */
export const MAX_VOICE_LINES = 40;
export const scriptLineSchema = z.object({
	id: z.string().check(z.minLength(1), z.maxLength(40)),
	takeId: z.string().check(z.minLength(1), z.maxLength(40)),
	roleId: roleIdSchema,
	text: z.string().check(z.maxLength(MAX_LINE_CHARACTERS)),
	/** A phrase that worked. */
	starred: z._default(z.boolean(), false),
	/** A short label for an emotional shift at this line, such as "defensive → open". */
	shift: z._default(z.string().check(z.maxLength(MAX_SHIFT_CHARACTERS)), ''),
	/**
	 * A line said by voice across time zones (protocol A24): the clip it is, owned by whoever
	 * recorded it. Its text starts empty; anyone may write down the words later, to star them.
	 */
	voice: z.optional(clipRefSchema)
});
export type ScriptLine = z.infer<typeof scriptLineSchema>;

/**
 * A pause in the role-play, as plain JSON in its own Y.Array: after which line of which take.
 * Lines are shared by every take that inherits them, so the pause names its take and shows only
 * there, not in the take the line was first said in.
 */
export const scriptPausesName = (key: string) => `script:${key}:pauses`;
export const scriptPauseSchema = z.object({
	takeId: z.string().check(z.minLength(1), z.maxLength(40)),
	lineId: z.string().check(z.minLength(1), z.maxLength(40)),
	/** Server time of the pause. */
	at: epochMs
});
export type ScriptPause = z.infer<typeof scriptPauseSchema>;

/** Two sentences to reuse word for word, each a root Y.Text. */
export const SENTENCE_NUMBERS = [1, 2] as const;
export const sentenceTextName = (key: string, n: (typeof SENTENCE_NUMBERS)[number]) =>
	`sentences:${key}:${n}`;

/** Each person's micro-adjustment: a root Y.Map from participant id to a commitment. */
export const COMMITMENTS_MAP = 'commitments';
export const commitmentSchema = z.object({
	what: z.string().check(z.maxLength(300, atMostCharacters(300))),
	when: z.string().check(z.maxLength(100, atMostCharacters(100))),
	withWhom: z.string().check(z.maxLength(100, atMostCharacters(100)))
});
export type Commitment = z.infer<typeof commitmentSchema>;

/**
 * What observers chose to share from their private notepad: a root Y.Array of plain JSON, in the
 * order shared. The notepad itself stays in the observer's browser.
 */
export const OBSERVATIONS_ARRAY = 'observations';
export const MAX_OBSERVATION_CHARACTERS = 2000;
export const observationSchema = z.object({
	participantId: participantIdSchema,
	/** The observer's name when they shared it. */
	name: displayNameSchema,
	text: z
		.string()
		.check(
			z.trim(),
			z.minLength(1, says(m.pages_problem_not_empty)),
			z.maxLength(MAX_OBSERVATION_CHARACTERS, atMostCharacters(MAX_OBSERVATION_CHARACTERS))
		),
	/** When it was shared, in ms since the epoch. */
	at: epochMs
});
export type Observation = z.infer<typeof observationSchema>;

/**
 * Shout-outs: appreciation for a specific behaviour, sent to a peer at the end of a session. A
 * root Y.Array of plain JSON, in the order sent; everyone sees them in the closing view and the
 * summary, and the recipient's browser copies each into its journal once, by its `id`.
 */
export const SHOUT_OUTS_ARRAY = 'shout-outs';
/** Short on purpose: one specific behaviour, well under MAX_JSON_VALUE_CHARACTERS. */
export const MAX_SHOUT_OUT_CHARACTERS = 300;
export const shoutOutSchema = z
	.object({
		/** Made by the sender's browser; unique in the room. */
		id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, says(m.pages_problem_made_id))),
		fromParticipantId: participantIdSchema,
		/** The sender's name when they sent it; readers prefer the name the server recorded. */
		fromName: displayNameSchema,
		toParticipantId: participantIdSchema,
		behaviour: z
			.string()
			.check(
				z.trim(),
				z.minLength(1, says(m.pages_problem_not_empty)),
				z.maxLength(MAX_SHOUT_OUT_CHARACTERS, atMostCharacters(MAX_SHOUT_OUT_CHARACTERS))
			),
		/** The sender nominates the recipient for practising kindness under pressure. */
		kindUnderPressure: z._default(z.boolean(), false),
		/** When it was sent, in server ms since the epoch. */
		at: epochMs
	})
	.check(
		z.refine((shoutOut) => shoutOut.fromParticipantId !== shoutOut.toParticipantId, {
			error: () => m.pages_problem_shout_out_self(),
			path: ['toParticipantId']
		})
	);
export type ShoutOut = z.infer<typeof shoutOutSchema>;

/**
 * The largest plain JSON value (an observation, a commitment, one field of a script line…) the
 * server accepts, counted in characters of its strings and keys: twice the largest valid one, an
 * observation.
 * Readers skip a value over its own schema's limits, so this only bounds what it can cost.
 */
export const MAX_JSON_VALUE_CHARACTERS = 2 * MAX_OBSERVATION_CHARACTERS;
