import * as z from 'zod/mini';
import { participantIdSchema, roleIdSchema, secretSchema } from '../protocol/ids';
import { displayNameSchema } from '../protocol/presence';
import type { AnswerSchema } from './json-request';

/** Who this browser is in one room; kept so a reload or a return visit is the same person. */
export const roomIdentitySchema = z.object({
	participantId: participantIdSchema,
	/** Proves to the server that this browser is this participant (ids are public). */
	participantKey: secretSchema,
	name: displayNameSchema,
	roleId: roleIdSchema
});
export type RoomIdentity = z.infer<typeof roomIdentitySchema>;

const NAME_KEY = 'practice-room:name';
const roomKey = (roomId: string) => `practice-room:room:${roomId}`;

/** Local storage that may be disabled: reading answers null, writing is skipped. */
export function readStored(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

export function writeStored(key: string, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// Storage disabled: the app still works, it just forgets.
	}
}

export function removeStored(key: string): void {
	try {
		localStorage.removeItem(key);
	} catch {
		// Storage disabled: there is nothing to remove.
	}
}

/** The stored keys that start with `prefix`; none when storage is disabled. */
export function storedKeys(prefix: string): string[] {
	try {
		const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index));
		return keys.filter((key): key is string => key?.startsWith(prefix) === true);
	} catch {
		return [];
	}
}

/**
 * Where a room's tool keeps something in this browser (`what`: an observer's notepad, a sealed
 * rating), under the room's own prefix, so that forgetting the room forgets it too.
 */
export const roomToolKey = (roomId: string, what: string) => `practice-room:${roomId}:${what}`;

/** A record stored as JSON, parsed with `schema`; undefined when absent, not JSON or not valid. */
export function readStoredJson<T>(key: string, schema: AnswerSchema<T>): T | undefined {
	const raw = readStored(key);
	if (!raw) return undefined;
	try {
		const parsed = schema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

export function rememberedName(): string {
	return readStored(NAME_KEY) ?? '';
}

export function roomIdentity(roomId: string): RoomIdentity | undefined {
	return readStoredJson(roomKey(roomId), roomIdentitySchema);
}

export function saveRoomIdentity(roomId: string, identity: RoomIdentity): void {
	writeStored(roomKey(roomId), JSON.stringify(identity));
	writeStored(NAME_KEY, identity.name);
}

export function newParticipantId(): string {
	return crypto.randomUUID().replaceAll('-', '');
}

/** A participant's secret: 256 random bits in base64url. */
export function newParticipantKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	return btoa(String.fromCharCode(...bytes))
		.replaceAll('+', '-')
		.replaceAll('/', '_')
		.replace(/=+$/, '');
}

const hostKeyKey = (roomId: string) => `practice-room:host-key:${roomId}`;
/** Where the deadlines of the room's last downloaded calendar file are kept (./saved-calendar). */
export const savedCalendarKey = (roomId: string) => `practice-room:ics:${roomId}`;

/** The room's host key, if this browser made the room or was handed the host role. */
export function roomHostKey(roomId: string): string | undefined {
	const key = secretSchema.safeParse(readStored(hostKeyKey(roomId)));
	return key.success ? key.data : undefined;
}

export function saveHostKey(roomId: string, hostKey: string): void {
	writeStored(hostKeyKey(roomId), hostKey);
}

/**
 * Forgets who this browser was in a room, its host key, its calendar file's deadlines and what
 * its tools kept (`roomToolKey`): the room was erased. The name stays: it belongs to the person,
 * not to the room. Its notifications go with `forgetPush` (./push-device), which also asks the
 * browser's service worker.
 */
export function forgetRoom(roomId: string): void {
	removeStored(roomKey(roomId));
	removeStored(hostKeyKey(roomId));
	removeStored(savedCalendarKey(roomId));
	forgetRoomTools(roomId);
}

/**
 * Forgets what a room's tools kept here (`roomToolKey`): the room was erased, or its host
 * removed this person, who can no longer open it.
 */
export function forgetRoomTools(roomId: string): void {
	for (const key of storedKeys(roomToolKey(roomId, ''))) removeStored(key);
}
