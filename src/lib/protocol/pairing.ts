import { z } from 'zod';
import { m } from '../paraglide/messages';
import { atMostCharacters, oneOf, says } from './problem-words';
import { boundedText } from './bounded-text';
import { playbookIdSchema, roomIdSchema, secretSchema } from './ids';
import { skillSchema } from './playbook';

/** Strengths and stretch goals a card may name from the playbook skill list. */
export const MAX_CARD_SKILLS = 3;
/** Cards one team space may hold. */
export const MAX_PAIRING_CARDS = 200;
/** Names a private "please don't pair me with" list may hold. */
export const MAX_AVOIDED = 20;
/** Pairs under this much working-hours overlap in the coming week are never made. */
export const MIN_OVERLAP_MINUTES = 30;
/** Rounds kept for the repeat cooldown and fit answers; older ones are dropped. */
export const MAX_KEPT_ROUNDS = 26;
/** "Not a good fit" pairs kept beyond the kept rounds (200 cards make at most ~20,000 pairs). */
export const MAX_APART_PAIRS = 1000;

/** A time of day written `HH:MM`, 00:00 to 24:00. */
export const clockSchema = z
	.string()
	.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, says(m.pages_problem_clock));

/** An IANA time zone the runtime knows, e.g. `Europe/Berlin`. */
export const timeZoneSchema = z
	.string()
	.max(64, atMostCharacters(64))
	.refine((zone) => {
		try {
			new Intl.DateTimeFormat('en', { timeZone: zone });
			return true;
		} catch {
			return false;
		}
	}, says(m.pages_problem_time_zone));

/** ISO weekdays: 1 is Monday, 7 Sunday. */
export const weekdaySchema = z
	.number()
	.int()
	.min(1, says(m.pages_problem_weekday))
	.max(7, says(m.pages_problem_weekday));

/** The same hours on the days named, in the card's own time zone. */
export const workingHoursSchema = z
	.object({
		days: z
			.array(weekdaySchema)
			.min(1, says(m.pages_problem_min_one_day))
			.max(7)
			.refine((days) => new Set(days).size === days.length, says(m.pages_problem_day_twice)),
		start: clockSchema,
		end: clockSchema
	})
	.strict()
	.refine((hours) => hours.start < hours.end, {
		error: () => m.pages_problem_end_after_start(),
		path: ['end']
	});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const ENERGY_PATTERNS = ['mornings', 'afternoons', 'no-preference'] as const;
export const energySchema = z.enum(ENERGY_PATTERNS, oneOf(ENERGY_PATTERNS));
export type Energy = z.infer<typeof energySchema>;

export const PAIRING_PREFERENCES = ['outside-my-team', 'similar-level'] as const;
export const preferenceSchema = z.enum(PAIRING_PREFERENCES, oneOf(PAIRING_PREFERENCES));
export type PairingPreference = z.infer<typeof preferenceSchema>;

export const LEVELS = ['new', 'practised', 'experienced'] as const;
export const levelSchema = z.enum(LEVELS, oneOf(LEVELS));

const skills = z
	.array(skillSchema)
	.max(
		MAX_CARD_SKILLS,
		says(() => m.pages_problem_max_entries({ max: MAX_CARD_SKILLS }))
	)
	.refine((list) => new Set(list).size === list.length, says(m.pages_problem_skill_twice));

/** A card's public id: a hash the server derives from the member key, never the key. */
export const cardIdSchema = z
	.string()
	.regex(/^[A-Za-z0-9_-]{16,64}$/, says(m.pages_problem_card_id));

/** What a card says, as its owner writes it (and the server stores it). */
export const pairingCardSchema = z
	.object({
		name: boundedText(40),
		strengths: skills,
		/** Free text beside the listed strengths, e.g. "running retros". */
		strengthsNote: boundedText(120).optional(),
		stretchGoals: skills,
		stretchNote: boundedText(120).optional(),
		timeZone: timeZoneSchema,
		hours: workingHoursSchema,
		energy: energySchema,
		preferences: z
			.array(preferenceSchema)
			.max(PAIRING_PREFERENCES.length)
			.refine((list) => new Set(list).size === list.length, says(m.pages_problem_preference_twice)),
		/** The member's usual team, for "someone outside my usual team". */
		usualTeam: boundedText(40).optional(),
		level: levelSchema.optional(),
		/** Whether the member takes part in the next round. */
		optedIn: z.boolean()
	})
	.strict();
export type PairingCard = z.infer<typeof pairingCardSchema>;

/**
 * Saving a card. `avoid` is the private "please don't pair me with" list of card ids: the
 * server stores it for the matcher and never answers it to anyone, its owner included.
 */
export const saveCardRequestSchema = z
	.object({
		memberKey: secretSchema,
		card: pairingCardSchema,
		avoid: z
			.array(cardIdSchema)
			.max(
				MAX_AVOIDED,
				says(() => m.pages_problem_max_entries({ max: MAX_AVOIDED }))
			)
			.default([])
	})
	.strict();
export type SaveCardRequest = z.input<typeof saveCardRequestSchema>;

export const memberKeyRequestSchema = z.object({ memberKey: secretSchema }).strict();

export const PAIRING_FITS = ['good-fit', 'still-deciding', 'not-a-good-fit'] as const;
export const pairingFitSchema = z.enum(PAIRING_FITS, oneOf(PAIRING_FITS));
export type PairingFit = z.infer<typeof pairingFitSchema>;

export const fitRequestSchema = z
	.object({ memberKey: secretSchema, fit: pairingFitSchema })
	.strict();

export const CADENCES = ['none', 'weekly', 'fortnightly', 'monthly'] as const;
export const cadenceSchema = z.enum(CADENCES, oneOf(CADENCES));
export type Cadence = z.infer<typeof cadenceSchema>;

export const cadenceRequestSchema = z.object({ cadence: cadenceSchema }).strict();

/** A card as the server stores it: the card, its private exclusions, when it was saved. */
export const storedCardSchema = z.object({
	cardId: cardIdSchema,
	card: pairingCardSchema,
	avoid: z.array(cardIdSchema),
	savedAt: z.number().int().nonnegative()
});
export type StoredCard = z.infer<typeof storedCardSchema>;

/** One pair (or the trio) of a round, with the private fit answers by card id. */
export const storedGroupSchema = z.object({
	members: z.array(cardIdSchema).min(2).max(3),
	/** The room the group started, once someone pressed Start our room. */
	roomId: z.optional(roomIdSchema),
	/** The playbook suggested for the group's stretch goal. */
	playbookId: z.optional(playbookIdSchema),
	fits: z.partialRecord(cardIdSchema, pairingFitSchema).default({})
});
export type StoredGroup = z.infer<typeof storedGroupSchema>;

export const storedRoundSchema = z.object({
	round: z.number().int().positive(),
	madeAt: z.number().int().nonnegative(),
	groups: z.array(storedGroupSchema),
	unpaired: z.array(cardIdSchema).default([])
});
export type StoredRound = z.infer<typeof storedRoundSchema>;

/** The space's pairing settings and rounds, newest round last. */
export const storedPairingSchema = z.object({
	cadence: cadenceSchema,
	/**
	 * Where the cadence's schedule starts: a round is due there and every period after it,
	 * whenever rounds were actually made, so "weekly" keeps its weekday and time (TP3). Set with
	 * the cadence; older records without it start from their last round.
	 */
	cadenceStart: z.number().int().nonnegative().optional(),
	/**
	 * The latest due time a round answered: a round is due once a later one has come (TP3).
	 * Written with each round under a cadence; older records count every due time up to their
	 * last round as answered.
	 */
	answeredDue: z.number().int().nonnegative().optional(),
	rounds: z.array(storedRoundSchema),
	/**
	 * Pairs someone found not a good fit in rounds no longer kept, so that making many rounds
	 * cannot wash the answer out (TP3); the newest MAX_APART_PAIRS.
	 */
	apart: z
		.array(z.tuple([cardIdSchema, cardIdSchema]))
		.max(MAX_APART_PAIRS)
		.optional()
});
export type StoredPairing = z.infer<typeof storedPairingSchema>;

/** A card as anyone with the space link sees it: no private list, no team, no level. */
export const publicCardSchema = pairingCardSchema
	.pick({
		name: true,
		strengths: true,
		strengthsNote: true,
		stretchGoals: true,
		stretchNote: true,
		timeZone: true,
		hours: true,
		energy: true,
		optedIn: true
	})
	.extend({ cardId: cardIdSchema });
export type PublicCard = z.infer<typeof publicCardSchema>;

/**
 * A space's pairing as everyone sees it: the cards, the cadence and the latest round. A group
 * someone found not a good fit is `ended`, never saying who answered; fit answers are not shown.
 */
export const pairingViewSchema = z.object({
	cadence: cadenceSchema,
	cards: z.array(publicCardSchema),
	round: z
		.object({
			round: z.number().int().positive(),
			madeAt: z.number().int().nonnegative(),
			groups: z.array(
				z.object({
					members: z.array(cardIdSchema),
					roomId: z.optional(roomIdSchema),
					playbookId: z.optional(playbookIdSchema),
					ended: z.boolean()
				})
			),
			/** Opted-in members nobody could be paired with this round. */
			unpaired: z.array(cardIdSchema)
		})
		.optional()
});
export type PairingView = z.infer<typeof pairingViewSchema>;

/** The answer to saving a card: the view and the card's public id. */
export const savedCardReplySchema = z.object({ cardId: cardIdSchema, view: pairingViewSchema });

export const startRoomReplySchema = z.object({ roomId: roomIdSchema, url: z.string() });
