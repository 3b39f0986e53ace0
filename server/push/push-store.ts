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
 * Why a subscription was not stored. `not-yours`: the endpoint is someone else's in the room and
 * the keys sent are not its own (W2).
 */
export type PushRefusal = 'no-room' | 'person-full' | 'room-full' | 'not-yours';

/**
 * What storing a subscription did (W2): stored a new one, renewed its person's own (new keys,
 * another language), or took over another person's in the same browser, `previous` being the
 * record it replaced; or why nothing was stored.
 */
export type PushAddOutcome =
	| { type: 'added' }
	| { type: 'renewed' }
	| { type: 'took-over'; previous: StoredPush }
	| { type: 'refused'; reason: PushRefusal };

/** What storing `incoming` did, `stored` being the record it replaced at its endpoint, if any. */
export const storedOutcome = (
	stored: StoredPush | undefined,
	incoming: StoredPush
): Exclude<PushAddOutcome, { type: 'refused' }> => {
	if (!stored) return { type: 'added' };
	if (stored.participantId === incoming.participantId) return { type: 'renewed' };
	return { type: 'took-over', previous: stored };
};

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
	 * does not exist or a limit is reached (a replacement counts for its new owner only). Answers
	 * what it did: the caller takes a new one back, or hands a takeover back, when the person or
	 * the room turns out to be gone (W7).
	 */
	add(roomId: string, push: StoredPush, limits: PushLimits): Promise<PushAddOutcome>;
	/**
	 * Undoes a takeover (W7): puts `previous` back at its endpoint while the room exists and the
	 * endpoint holds exactly `taken`, the record the takeover stored (the object handed to `add`),
	 * or nothing (its taker removed meanwhile); someone else's since stays theirs, and so does the
	 * taker's own renewal since (new keys, another language). Within the limits, counted as `add`
	 * counts (`previous`'s person or the room may have filled up meanwhile); past one, `taken` is
	 * deleted all the same, leaving the endpoint nobody's. Answers whether it was put back.
	 */
	handBack(
		roomId: string,
		taken: StoredPush,
		previous: StoredPush,
		limits: PushLimits
	): Promise<boolean>;
	/** Removes the subscription at `endpoint` if it is `participantId`'s; answers whether it was. */
	remove(roomId: string, participantId: string, endpoint: string): Promise<boolean>;
	/** Removes the subscription at `endpoint` whoever's it is (its push service says it is gone). */
	removeEndpoint(roomId: string, endpoint: string): Promise<void>;
	/** The subscriptions of these people in the room. */
	ofPeople(roomId: string, participantIds: readonly string[]): Promise<StoredPush[]>;
}

/**
 * A record as both stores write it: a hand-back compares the text stored at the endpoint with
 * this text of the record the takeover stored, so they must agree byte for byte.
 */
export const storedPushText = (push: StoredPush): string => JSON.stringify(push);

/** A stored record, read back; one that does not parse (written by hand?) is left out. */
export const readStoredPush = (text: string): StoredPush | undefined => {
	try {
		const parsed = storedPushSchema.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
};
