import * as z from 'zod/mini';
import { apiProblemParamsSchema } from './api-problem';
import { playbookIdSchema, roomIdSchema, secretSchema } from './ids';
import { turnWindowsSchema } from './control';

// zod/mini, like ids.ts: the home page's room-starting button parses these answers.

/** What people read when a room link leads nowhere. */
export const ROOM_NOT_FOUND = 'This room does not exist or has ended.';

export const createRoomRequestSchema = z.object({
	playbookId: playbookIdSchema,
	/**
	 * Run the room across time zones (protocol A1): each phase that runs as turns gets its
	 * window, in ms, from `windowsMs` by phase id, else 24 hours.
	 */
	async: z.optional(z.object({ windowsMs: z._default(turnWindowsSchema, {}) }))
});

export const createRoomReplySchema = z.object({
	id: roomIdSchema,
	url: z.string(),
	playbookId: playbookIdSchema,
	/** Makes whoever keeps it the room's host (optional: rooms work without one). */
	hostKey: secretSchema
});
export type CreateRoomReply = z.infer<typeof createRoomReplySchema>;

/**
 * Body of every HTTP error answer: plain English words for API users, the problems found, and
 * the code (with its params) the browser words in its person's language. The code is any string
 * here, so an answer from a newer server with a code this page does not know still parses.
 */
export const httpErrorSchema = z.object({
	error: z.string(),
	code: z.optional(z.string()),
	params: z.optional(apiProblemParamsSchema),
	problems: z.optional(z.array(z.string()))
});
export type HttpError = z.infer<typeof httpErrorSchema>;

/** Stored room metadata: what a room was started from and when. */
export const roomMetaSchema = z.object({
	id: roomIdSchema,
	playbookId: playbookIdSchema,
	createdAt: z.int().check(z.nonnegative())
});
export type RoomMeta = z.infer<typeof roomMetaSchema>;
