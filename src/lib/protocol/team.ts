import { z } from 'zod';
import { m } from '../paraglide/messages';
import { atMostCharacters, says } from './problem-words';
import { secretSchema } from './ids';
import { skillSchema } from './playbook';

/**
 * Members whose shares carry practice before a team's figures are shown, and members who
 * practised in a week (or a skill) before it is shown, so nobody can be singled out.
 */
export const TEAM_THRESHOLD = 3;
/** Members who may share in one team. */
export const MAX_TEAM_MEMBERS = 50;
/** Weeks one share may cover: half a year. */
export const MAX_SHARED_WEEKS = 26;
/** A week's counts stay below these: more than a session a day for a week is not practice data. */
const MAX_SESSIONS_PER_WEEK = 100;
const MAX_MINUTES_PER_WEEK = 7 * 24 * 60;

/** What people read when a team link leads nowhere. */
export const TEAM_NOT_FOUND = 'This team link does not exist or has expired.';

/** A team id: 128 random bits in base64url, like a room id. */
export const teamIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, says(m.pages_problem_made_id));

const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

/** A calendar date written `YYYY-MM-DD`, one that exists (not 31 February). */
export const dateKeySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, says(m.pages_problem_date))
	.refine((date) => {
		const day = dayOf(date);
		return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
	}, says(m.pages_problem_real_date));

/** A week, named by the date of its Monday in the member's own time zone: `2026-03-02`. */
export const weekKeySchema = dateKeySchema.refine(
	(date) => dayOf(date).getUTCDay() === 1,
	says(m.pages_problem_monday)
);

const count = (max: number) =>
	z
		.number()
		.int(says(m.pages_problem_whole_number))
		.min(0, says(m.pages_problem_not_negative))
		.max(max);

/** One member's practice in one week: counts only, never what anyone wrote. */
export const weekCountsSchema = z
	.object({
		week: weekKeySchema,
		sessions: count(MAX_SESSIONS_PER_WEEK),
		minutes: count(MAX_MINUTES_PER_WEEK),
		/** Sessions per skill practised. */
		skills: z.partialRecord(skillSchema, count(MAX_SESSIONS_PER_WEEK))
	})
	.strict();
export type WeekCounts = z.infer<typeof weekCountsSchema>;

const sharedWeeksSchema = z
	.array(weekCountsSchema)
	.max(
		MAX_SHARED_WEEKS,
		says(() => m.pages_problem_max_weeks({ max: MAX_SHARED_WEEKS }))
	)
	.refine(
		(weeks) => new Set(weeks.map((w) => w.week)).size === weeks.length,
		says(m.pages_problem_week_twice)
	);

export const createTeamRequestSchema = z
	.object({
		/** A label for the retro, e.g. "Support team". */
		name: z.string().trim().min(1, says(m.pages_problem_not_empty)).max(60, atMostCharacters(60))
	})
	.strict();

export const createTeamReplySchema = z.object({
	id: teamIdSchema,
	name: z.string(),
	url: z.string()
});
export type CreateTeamReply = z.infer<typeof createTeamReplySchema>;

/**
 * A member's share. The member key is made by the browser, one per team, and kept there; the
 * server keeps only its hash, so a later share from the same browser replaces the earlier one.
 */
export const shareRequestSchema = z
	.object({ memberKey: secretSchema, weeks: sharedWeeksSchema })
	.strict();
export type ShareRequest = z.infer<typeof shareRequestSchema>;

export const withdrawRequestSchema = z.object({ memberKey: secretSchema }).strict();

/** A member's agreement to erase the whole space (T6): the same key as their share. */
export const eraseRequestSchema = z.object({ memberKey: secretSchema }).strict();

/**
 * The answer to an agreement (T6): the space is erased, or it waits for the other contributors,
 * with how many members have agreed so far (no names: agreements are hashes like shares).
 */
export const eraseReplySchema = z.discriminatedUnion('erased', [
	z.object({ erased: z.literal(true) }).strict(),
	z.object({ erased: z.literal(false), agreed: z.number().int().positive() }).strict()
]);
export type EraseReply = z.infer<typeof eraseReplySchema>;

/** A team as the server stores it: no member, no figure. */
export const storedTeamSchema = z.object({
	id: teamIdSchema,
	name: z.string(),
	createdAt: z.number().int().nonnegative()
});
export type StoredTeam = z.infer<typeof storedTeamSchema>;

/** A share as the server stores it, under the member key's hash. */
export const storedShareSchema = z.object({
	weeks: sharedWeeksSchema,
	sharedAt: z.number().int().nonnegative()
});
export type StoredShare = z.infer<typeof storedShareSchema>;

/**
 * A team's practice summed over its members, every number over at least TEAM_THRESHOLD of them
 * (src/lib/team/team-figures.ts).
 */
export const teamFiguresSchema = z.object({
	/** The shown weeks added up. */
	totals: z.object({ sessions: z.number(), minutes: z.number() }),
	/**
	 * Every week from the first anyone practised in to the last; a week fewer than
	 * TEAM_THRESHOLD members practised in has null counts (hidden, not zero).
	 */
	weeks: z.array(
		z.object({
			week: weekKeySchema,
			sessions: z.number().nullable(),
			minutes: z.number().nullable()
		})
	),
	/** Sessions per skill over the shown weeks, most practised first; only skills TEAM_THRESHOLD members practised. */
	skills: z.array(z.object({ skill: skillSchema, sessions: z.number() }))
});
export type TeamFigures = z.infer<typeof teamFiguresSchema>;

const teamBase = {
	id: teamIdSchema,
	name: z.string(),
	/** Members sharing now, with practice or without. */
	sharing: z.number().int().nonnegative(),
	threshold: z.number().int().positive()
};

/**
 * What anyone with the team link sees: figures only once TEAM_THRESHOLD members share practice
 * in the weeks covered; `needed` counts the members with practice still missing.
 */
export const teamViewSchema = z.discriminatedUnion('visible', [
	z.object({ ...teamBase, visible: z.literal(false), needed: z.number().int().positive() }),
	z.object({ ...teamBase, visible: z.literal(true), figures: teamFiguresSchema })
]);
export type TeamView = z.infer<typeof teamViewSchema>;
