import * as z from 'zod/mini';

// zod/mini and nothing else: the service worker imports this (src/service-worker.ts).

/** The longest body a notification carries. */
export const PUSH_BODY_MAX = 500;

/** What the service worker receives (W5): ready to show, in the person's language. */
export const pushPayloadSchema = z.object({
	title: z.string().check(z.maxLength(200)),
	body: z.string().check(z.maxLength(PUSH_BODY_MAX)),
	/** The room's path, `/r/<roomId>`: where a click on the notification leads. */
	path: z.string().check(z.regex(/^\/r\/[A-Za-z0-9_-]{22}$/, 'must be a room path')),
	/** One notification per room: a newer one replaces the older. */
	tag: z.string().check(z.maxLength(100))
});
export type PushPayload = z.infer<typeof pushPayloadSchema>;
