import * as z from 'zod/mini';
import { locales } from '../paraglide/runtime';
import { participantIdSchema, secretSchema } from './ids';

// zod/mini, like ids.ts: the room page parses with these, and zod's classic API stays off it
// (src/lib/protocol/zod-mini.test.ts).

/**
 * Web Push (issue 17, protocol W1–W7): a browser's subscription to the room's turn
 * notifications, sent by the room page. The payload the service worker receives is in
 * ./push-payload.ts, which the worker imports without the interface's languages.
 */

/** Push services' endpoints are about 200 characters (FCM) to 400 (WNS). */
export const MAX_PUSH_ENDPOINT_CHARACTERS = 1_000;

/** How many browsers one person may subscribe in one room (a phone, a laptop, …): W2. */
export const MAX_PUSH_SUBSCRIPTIONS_PER_PERSON = 5;

/** How many subscriptions one room keeps at most: W2. */
export const MAX_PUSH_SUBSCRIPTIONS_PER_ROOM = 50;

/** A push endpoint: an https URL (RFC 8030 push services are https only). */
export const pushEndpointSchema = z.string().check(
	z.maxLength(MAX_PUSH_ENDPOINT_CHARACTERS),
	z.refine((text) => URL.canParse(text) && new URL(text).protocol === 'https:', {
		error: 'must be an https URL'
	})
);

/**
 * The subscription's keys (RFC 8291): `p256dh` an uncompressed P-256 point (65 bytes, first byte
 * 4, so its base64url starts with B), `auth` a 16-byte secret, both base64url as browsers write them.
 */
export const pushKeysSchema = z.object({
	p256dh: z
		.string()
		.check(z.regex(/^B[A-Za-z0-9_-]{86}=?$/, 'must be a P-256 public key in base64url')),
	auth: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}(==)?$/, 'must be 16 bytes in base64url'))
});

/** What `PushSubscription.toJSON()` gives, the parts the server uses. */
export const pushSubscriptionSchema = z.object({
	endpoint: pushEndpointSchema,
	expirationTime: z.optional(z.nullable(z.number())),
	keys: pushKeysSchema
});
export type PushSubscriptionJson = z.infer<typeof pushSubscriptionSchema>;

/** The languages a notification can be written in: the interface's. */
export const pushLocaleSchema = z.enum(locales);

/**
 * `POST /api/rooms/<roomId>/push` (W1): a member subscribes this browser, with the ticket of
 * their join (the document connection's, Y9) and the language to be told in.
 */
export const subscribePushRequestSchema = z.object({
	participantId: participantIdSchema,
	ticket: secretSchema,
	locale: pushLocaleSchema,
	subscription: pushSubscriptionSchema
});
export type SubscribePushRequest = z.infer<typeof subscribePushRequestSchema>;

/** `DELETE /api/rooms/<roomId>/push` (W3): the same member takes this browser's subscription back. */
export const unsubscribePushRequestSchema = z.object({
	participantId: participantIdSchema,
	ticket: secretSchema,
	endpoint: pushEndpointSchema
});
export type UnsubscribePushRequest = z.infer<typeof unsubscribePushRequestSchema>;

/** `GET /api/push/key` (W1): the server's VAPID public key, for `pushManager.subscribe`. */
export const pushKeyReplySchema = z.object({ publicKey: z.string() });
export type PushKeyReply = z.infer<typeof pushKeyReplySchema>;
