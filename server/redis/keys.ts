/**
 * Every key and pub/sub channel this deployment uses in Redis, in one place: what a backup
 * copies, what erasing deletes and what a migration rewrites can be read here. The formats are
 * stored data: changing one needs a migration (server/redis/redis-migrations.ts).
 *
 * A room's keys share the hash tag `{roomId}`, a team's `{teamId}`, so one script may touch them
 * together. A room's sealed document is tagged `{roomId:sealed}` (as stored before rooms
 * expired): the scripts that reach both documents need one Redis server, not a Cluster.
 */

import type { BucketRate } from '../limits/token-bucket';
import { roomDocIds } from '../storage/document-log';

/** The schema version of everything kept in Redis; absent means 0. */
export const REDIS_VERSION_KEY = 'pr:schema-version';

/** The prefix of socket.io's adapter channels (`@socket.io/redis-adapter`). */
export const SOCKET_IO_PREFIX = 'pr:socket.io';

/** A document's keys (a room's own, or its sealed document: see `sealedDocId`). */
export const docKeys = (docId: string) => ({
	snapshot: `pr:room:{${docId}}:snapshot`,
	/** The log position the snapshot covers: an older snapshot never replaces a newer one. */
	snapshotAt: `pr:room:{${docId}}:snapshot-at`,
	/** A stream of updates, each tagged with the instance that appended it. */
	log: `pr:room:{${docId}}:log`
});

/** A room's metadata (JSON): it exists exactly as long as the room. */
export const metaKey = (roomId: string) => `pr:room:{${roomId}}:meta`;

/** Held while an instance decides on the room's control state (server/rooms/redis-room-lock.ts). */
export const controlLockKey = (roomId: string) => `pr:room:{${roomId}}:control-lock`;

/** A room's roster: a hash of presence records (server/presence/redis-presence-store.ts). */
export const presenceKey = (roomId: string) => `pr:room:{${roomId}}:presence`;

/**
 * A presence record's field in the room's roster: one per person and instance. Readers take the
 * person from the record, not the field, so a field of the earlier form (the participant id
 * alone, one record per person) reads as one more instance's record, and expires as they do.
 */
export const presenceField = (participantId: string, instanceId: string) =>
	`${participantId}:${instanceId}`;

/**
 * The field of the room's roster hash that holds its roster version (protocol S27): a `#` is in
 * no participant id, so no record's field of either form is named so.
 */
export const PRESENCE_VERSION_FIELD = '#version';

/**
 * A room's Web Push subscriptions: a hash from endpoint to the stored subscription
 * (server/push/redis-push-store.ts). One of the room's keys: it expires and is erased with it.
 */
export const pushKey = (roomId: string) => `pr:room:{${roomId}}:push`;

/** The deployment's VAPID key pair (JSON), made once by the first instance (SET NX). */
export const VAPID_KEYS_KEY = 'pr:push:vapid-keys';

/**
 * The token bucket of one limit for one client address (server/limits/redis-address-buckets.ts):
 * a hash of its tokens and when they were counted, expiring once it would be full again. The
 * rate is part of the name (`20-per-3600s`), so a limit set differently starts afresh rather than
 * from tokens counted against another capacity. The address appears only as a keyed hash
 * (`addressDigest`), never as itself.
 */
export const addressLimitKey = (limit: string, rate: BucketRate, addressDigest: string) =>
	`pr:limits:${limit}:${rate.capacity}-per-${Math.round(rate.capacity / rate.perSecond)}s:${addressDigest}`;

/** The deployment's key for hashing client addresses in limit keys, made once (SET NX). */
export const ADDRESS_SECRET_KEY = 'pr:limits:address-secret';

/** The channel on which a document's appends reach the instances following it. */
export const feedChannel = (docId: string) => `pr:room:{${docId}}:feed`;

/** The channel on which a room's awareness reaches the instances following it. */
export const awarenessChannel = (roomId: string) => `pr:room:{${roomId}}:awareness`;

/** A team's record. */
export const teamKey = (id: string) => `pr:team:{${id}}`;
/** A team's shares: a hash by member. */
export const sharesKey = (id: string) => `pr:team:{${id}}:shares`;
/** A team's circle: a hash by item id (server/teams/redis-circle-store.ts). */
export const circleKey = (id: string) => `pr:team:{${id}}:circle`;
/** Agreements to erase the team (protocol T6): a hash from member hash to pairing member hash. */
export const eraseKey = (id: string) => `pr:team:{${id}}:erase`;

/**
 * Every key of a team but the pairing ones: record, shares, circle, erase agreements (scripts
 * rely on this order; new ones go last). Every write to a team moves the expiry of all of them
 * (protocol T5), so no part of a team outlives or dies before the rest.
 */
export const teamKeys = (id: string): string[] => [
	teamKey(id),
	sharesKey(id),
	circleKey(id),
	eraseKey(id)
];

/**
 * A space's pairing keys, beside its record and shares (server/teams/redis-team-store.ts), so
 * one script reaches them all.
 */
export const pairingKeys = (teamId: string) => ({
	team: teamKey(teamId),
	shares: sharesKey(teamId),
	cards: `pr:team:{${teamId}}:pairing:cards`,
	pairing: `pr:team:{${teamId}}:pairing`,
	/** The team's erase agreements, so a pairing write moves them too. */
	erase: eraseKey(teamId)
});

/**
 * When each room run as turns next needs a server (protocol A14): a sorted set of room ids scored
 * by server time in ms (server/turns/redis-wake-index.ts). Not one of a room's keys: it is shared
 * by all rooms and never expires; a room's entry goes when the room is erased, and an entry whose
 * room expired is dropped the first time it is due.
 */
export const WAKES_KEY = 'pr:rooms:wakes';

/** Held (briefly) by the instance that loads a room for its wake at `at` (protocol A15). */
export const wakeClaimKey = (roomId: string, at: number) => `pr:room:{${roomId}}:wake:${at}`;

/** The community playbook library (server/playbooks/redis-playbook-store.ts). */
export const PLAYBOOK_KEYS = {
	/** Every playbook's stored record, by id, hidden ones too. The Redis migrations rewrite it. */
	bodies: 'pr:playbooks',
	/** Sorted set of the listed (not hidden) ids by creation time, for paging newest first. */
	byTime: 'pr:playbooks:by-time',
	/** Each playbook's summary (JSON), by id, so listing never reads a body. */
	summaries: 'pr:playbooks:summaries',
	/** The hash of each playbook's delete token, by id. */
	deleteTokens: 'pr:playbooks:delete-tokens',
	/** Hidden ids by creation time, so showing one again puts it back in its place. */
	hidden: 'pr:playbooks:hidden'
} as const;

/** A room's blobs (voice clips, protocol B1): a hash from blob id to its bytes. */
export const blobsKey = (roomId: string) => `pr:room:{${roomId}}:blobs`;
/** Each blob's media type and owner (JSON), by blob id (server/storage/redis-blob-store.ts). */
export const blobMetaKey = (roomId: string) => `pr:room:{${roomId}}:blob-meta`;

/**
 * Every stored key of a room: its metadata, the keys of each of its documents, its blobs and
 * its push subscriptions. Each write to the room renews the TTL of all of them, so a room's clips
 * and subscriptions expire with it; erasing deletes them.
 */
export const roomKeys = (roomId: string): string[] => [
	metaKey(roomId),
	...roomDocIds(roomId).flatMap((docId) => Object.values(docKeys(docId))),
	blobsKey(roomId),
	blobMetaKey(roomId),
	pushKey(roomId)
];
