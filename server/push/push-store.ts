import { z } from 'zod';
import { participantIdSchema } from '../../src/lib/protocol/ids';
import { pushKeysSchema, pushLocaleSchema } from '../../src/lib/protocol/push';
import { sameSecret } from '../rooms/room-secrets';

/**
 * One browser's subscription in a room, as stored: whose it is, the language to write in, and
 * what web-push needs to reach it. The endpoint and keys are capabilities (anyone holding them
 * can push to that browser): they are never logged or answered to anyone.
 */
export const storedPushSchema = z.object({
	participantId: participantIdSchema,
	locale: pushLocaleSchema,
	endpoint: z.string(),
	keys: pushKeysSchema
});
export type StoredPush = z.infer<typeof storedPushSchema>;

/** How many subscriptions a room and a person in it may have (protocol W2). */
export interface PushLimits {
	perPerson: number;
	perRoom: number;
}

/**
 * Why a subscription was not stored, or that it was. `not-yours`: the endpoint is someone else's
 * in the room and the keys sent are not its own (W2).
 */
export type PushAddOutcome = 'added' | 'no-room' | 'person-full' | 'room-full' | 'not-yours';

/**
 * Whether `incoming` may replace `stored` at the same endpoint (W2): the same person renewing it
 * (new keys after a `pushsubscriptionchange`, another language), or another person in the same
 * browser, who shows its own keys. Someone who only knows the endpoint cannot take it over.
 */
export const mayReplace = (stored: StoredPush, incoming: StoredPush): boolean =>
	stored.participantId === incoming.participantId ||
	// `auth` is the subscription's secret: compared as the server compares its other secrets.
	(sameSecret(incoming.keys.auth, stored.keys.auth) && stored.keys.p256dh === incoming.keys.p256dh);

/**
 * The rooms' Web Push subscriptions (protocol W1–W6). Implementations: SQLite (embedded default)
 * and Redis; both pass tests/integration/push-store.contract.ts. A room's subscriptions are
 * deleted with the room, by erasing or expiry, by the room store of the same backend.
 */
export interface PushStore {
	/**
	 * Stores a subscription, replacing the one with the same endpoint (a browser is subscribed
	 * once, for whoever subscribed it last) when {@link mayReplace} allows; refused when the room
	 * does not exist or a limit is reached (a replacement counts for its new owner only).
	 */
	add(roomId: string, push: StoredPush, limits: PushLimits): Promise<PushAddOutcome>;
	/** Removes the subscription at `endpoint` if it is `participantId`'s; answers whether it was. */
	remove(roomId: string, participantId: string, endpoint: string): Promise<boolean>;
	/** Removes the subscription at `endpoint` whoever's it is (its push service says it is gone). */
	removeEndpoint(roomId: string, endpoint: string): Promise<void>;
	/** The subscriptions of these people in the room. */
	ofPeople(roomId: string, participantIds: readonly string[]): Promise<StoredPush[]>;
}

/** A stored record, read back; one that does not parse (written by hand?) is left out. */
export const readStoredPush = (text: string): StoredPush | undefined => {
	const parsed = storedPushSchema.safeParse(JSON.parse(text));
	return parsed.success ? parsed.data : undefined;
};
