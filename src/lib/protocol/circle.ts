import { z } from 'zod';
import { m } from '../paraglide/messages';
import { says } from './problem-words';
import { boundedText } from './bounded-text';
import { playbookIdSchema, secretSchema } from './ids';

/** Text sizes on the circle (docs/protocol.md, T8): a few sentences, never an essay. */
export const MAX_STORY_CHARS = 500;
export const MAX_CHALLENGE_CHARS = 140;
export const MAX_PERSON_NAME_CHARS = 40;
/** Posts, proposals and marks one team may hold at once; older months make room as they expire. */
export const MAX_CIRCLE_ITEMS = 500;
/**
 * The most playbooks "new this quarter" lists (T23), newest first: the server reads only these
 * and the shelf's picks, not the whole library, however many were saved.
 */
export const NEW_THIS_QUARTER_SHOWN = 50;

/** A month, `YYYY-MM`, in UTC: the circle's months turn at the same moment for everyone. */
export const monthKeySchema = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/, says(m.pages_problem_month));

/** A person's name as they choose to give it; null posts anonymously. */
const personName = boundedText(MAX_PERSON_NAME_CHARS);
const author = personName.nullable();

/**
 * What a member adds to the circle. The member key is the one the browser keeps for the team
 * (as for shares); the server keeps only its hash, which is what lets its owner delete a post.
 */
export const circleRequestSchema = z.discriminatedUnion('type', [
	z
		.object({
			type: z.literal('highlight'),
			memberKey: secretSchema,
			text: boundedText(MAX_STORY_CHARS),
			author
		})
		.strict(),
	z
		.object({
			type: z.literal('nomination'),
			memberKey: secretSchema,
			/** The quiet contributor ready to practise. */
			nominee: personName,
			text: boundedText(MAX_STORY_CHARS),
			author
		})
		.strict(),
	z
		.object({
			type: z.literal('challenge'),
			memberKey: secretSchema,
			text: boundedText(MAX_CHALLENGE_CHARS),
			author
		})
		.strict(),
	z
		.object({
			type: z.literal('shelf'),
			memberKey: secretSchema,
			playbookId: playbookIdSchema,
			/** A shelf pick is shown with who proposed it. */
			author: personName
		})
		.strict(),
	z.object({ type: z.literal('tried'), memberKey: secretSchema }).strict()
]);
export type CircleRequest = z.infer<typeof circleRequestSchema>;

export const circleDeleteRequestSchema = z
	.object({
		memberKey: secretSchema,
		itemId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, says(m.pages_problem_made_id))
	})
	.strict();

const storedBase = {
	id: z.string(),
	month: monthKeySchema,
	createdAt: z.number().int().nonnegative()
};

/** A circle item as the server stores it; its owner (the member key's hash) is kept beside it. */
export const storedCircleItemSchema = z.discriminatedUnion('type', [
	z.object({
		...storedBase,
		type: z.literal('highlight'),
		text: z.string(),
		author: z.string().nullable()
	}),
	z.object({
		...storedBase,
		type: z.literal('nomination'),
		nominee: z.string(),
		text: z.string(),
		author: z.string().nullable()
	}),
	z.object({
		...storedBase,
		type: z.literal('challenge'),
		text: z.string(),
		author: z.string().nullable()
	}),
	z.object({ ...storedBase, type: z.literal('shelf'), playbookId: z.string(), author: z.string() }),
	z.object({ ...storedBase, type: z.literal('tried') })
]);
export type StoredCircleItem = z.infer<typeof storedCircleItemSchema>;

const post = z.discriminatedUnion('type', [
	z.object({
		id: z.string(),
		type: z.literal('highlight'),
		text: z.string(),
		author: z.string().nullable(),
		createdAt: z.number()
	}),
	z.object({
		id: z.string(),
		type: z.literal('nomination'),
		nominee: z.string(),
		text: z.string(),
		author: z.string().nullable(),
		createdAt: z.number()
	})
]);
export type CirclePost = z.infer<typeof post>;

const playbookRef = z.object({ id: z.string(), title: z.string() });

/** What anyone with the team link sees of the circle (src/lib/team/circle-view.ts). */
export const circleViewSchema = z.object({
	month: monthKeySchema,
	challenge: z.object({
		text: z.string(),
		/** Who proposed it; null for a built-in challenge or an anonymous proposal. */
		author: z.string().nullable(),
		builtIn: z.boolean(),
		/** Members who marked "tried it" this month: a count, never who. */
		tried: z.number().int().nonnegative()
	}),
	/** Proposed for next month (the first proposal made this month becomes it). */
	nextChallenge: z.object({ text: z.string(), author: z.string().nullable() }).nullable(),
	/** This month's highlights and nominations, newest first. */
	posts: z.array(post),
	/** Earlier months, newest first. */
	archive: z.array(z.object({ month: monthKeySchema, posts: z.array(post) })),
	shelf: z.array(
		z.object({ id: z.string(), playbook: playbookRef, author: z.string(), createdAt: z.number() })
	),
	/** Library playbooks added this quarter, newest first. */
	newThisQuarter: z.array(playbookRef)
});
export type CircleView = z.infer<typeof circleViewSchema>;

/** The answer to a post: the new view and the new item's id, for its owner to delete it by. */
export const circleReplySchema = z.object({ itemId: z.string(), view: circleViewSchema });
export type CircleReply = z.infer<typeof circleReplySchema>;
