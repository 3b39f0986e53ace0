import { participantIdSchema } from '../protocol/ids';
import { displayNameSchema } from '../protocol/presence';

/** Who this browser is in one room; kept so a reload or a return visit is the same person. */
export interface RoomIdentity {
	participantId: string;
	name: string;
	roleId: string;
}

const NAME_KEY = 'practice-room:name';
const MUTED_KEY = 'practice-room:muted';
const roomKey = (roomId: string) => `practice-room:room:${roomId}`;

function read(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null; // Storage can be disabled; the app still works, it just forgets.
	}
}

function write(key: string, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// As above: forgetting is the only consequence.
	}
}

export function rememberedName(): string {
	return read(NAME_KEY) ?? '';
}

export function roomIdentity(roomId: string): RoomIdentity | undefined {
	const raw = read(roomKey(roomId));
	if (!raw) return undefined;
	try {
		const parsed = JSON.parse(raw) as Partial<RoomIdentity>;
		const id = participantIdSchema.safeParse(parsed.participantId);
		const name = displayNameSchema.safeParse(parsed.name);
		if (!id.success || !name.success || typeof parsed.roleId !== 'string') return undefined;
		return { participantId: id.data, name: name.data, roleId: parsed.roleId };
	} catch {
		return undefined;
	}
}

export function saveRoomIdentity(roomId: string, identity: RoomIdentity): void {
	write(roomKey(roomId), JSON.stringify(identity));
	write(NAME_KEY, identity.name);
}

export function newParticipantId(): string {
	return crypto.randomUUID().replaceAll('-', '');
}

export function isMuted(): boolean {
	return read(MUTED_KEY) === 'true';
}

export function setMuted(muted: boolean): void {
	write(MUTED_KEY, String(muted));
}
