import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { ServerToClientEvents } from '../../src/lib/protocol/socket-events';
import type { Person } from '../../src/lib/protocol/control';
import { initialControlState } from '../../src/lib/room/control';
import type { Effect } from '../../src/lib/room/decide';
import { redirectLog } from '../log';
import type { StoredPush } from '../push/push-store';
import {
	RoomEffects,
	type EffectsIo,
	type EffectsRoom,
	type RoomEffectsDeps
} from './room-effects';
import { memberChannel, personChannel, projectorChannel, roomChannel } from './socket-types';

const logLines: string[] = [];
afterAll(redirectLog({ write: (line: string) => logLines.push(line) }));

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER_ROOM = 'BBBBBBBBBBBBBBBBBBBBBB';

/** What the fakes were asked to do, in the order they were asked. */
type Call =
	| {
			type: 'emit';
			channel: string;
			except?: string;
			event: keyof ServerToClientEvents;
			args: unknown[];
	  }
	| { type: 'disconnect'; channel: string; close: boolean }
	| { type: 'tell-instances'; roomId: string }
	| { type: 'erase-room' | 'let-go' | 'delete-presence'; roomId: string }
	| { type: 'mark-gone'; roomId: string; participantId: string; person: Person }
	| { type: 'turn-started'; roomId: string; personIds: string[] };

/** socket.io's server as far as effects use it: emits and disconnects are noted, not sent. */
function recordingIo(calls: Call[]): EffectsIo {
	const emitter = (channel: string, except?: string) => ({
		emit<E extends keyof ServerToClientEvents>(
			event: E,
			...args: Parameters<ServerToClientEvents[E]>
		): boolean {
			calls.push({ type: 'emit', channel, ...(except && { except }), event, args });
			return true;
		}
	});
	return {
		to: (channel) => ({ ...emitter(channel), except: (other) => emitter(channel, other) }),
		in: (channel) => ({
			disconnectSockets: (close) => void calls.push({ type: 'disconnect', channel, close })
		}),
		serverSideEmit: (_event, roomId) => {
			calls.push({ type: 'tell-instances', roomId });
			return true;
		}
	};
}

const push = (
	roomId: string,
	participantId: string,
	n: number
): StoredPush & { roomId: string } => ({
	roomId,
	participantId,
	locale: 'en',
	endpoint: `https://push.example.org/${participantId}-${n}`,
	keys: { p256dh: 'p256dh', auth: 'auth' }
});

/** Push subscriptions in memory, across rooms; `failing` makes every call throw. */
function memoryPush(stored: (StoredPush & { roomId: string })[]) {
	const store = {
		stored,
		failing: false,
		async ofPeople(roomId: string, participantIds: readonly string[]): Promise<StoredPush[]> {
			if (store.failing) throw new Error('storage unreachable');
			return store.stored.filter(
				(p) => p.roomId === roomId && participantIds.includes(p.participantId)
			);
		},
		async remove(roomId: string, participantId: string, endpoint: string): Promise<boolean> {
			if (store.failing) throw new Error('storage unreachable');
			const before = store.stored.length;
			store.stored = store.stored.filter(
				(p) =>
					!(p.roomId === roomId && p.participantId === participantId && p.endpoint === endpoint)
			);
			return store.stored.length < before;
		}
	};
	return store;
}

const BEN: Person = { name: 'Ben', roleId: 'listener' };

/**
 * The room as effects see it: its id, the secrets they replace or hand on, and its control
 * state, with Ben and Ana recorded as they joined.
 */
const room: EffectsRoom = {
	meta: { id: ROOM },
	secrets: {
		replaceHostKey: async () => 'new-host-key',
		projectorToken: async () => 'new-projector-token'
	},
	control: {
		read: () => ({
			...initialControlState({ phases: [{}] }),
			people: { ben: BEN, ana: { name: 'Ana', roleId: 'speaker' } },
			removed: ['ben']
		})
	}
};

let calls: Call[];
let pushStore: ReturnType<typeof memoryPush>;
let turnsFail: boolean;

function effectsWith(options: Partial<RoomEffectsDeps> = {}): RoomEffects {
	return new RoomEffects({
		io: recordingIo(calls),
		rooms: { erase: async (roomId) => void calls.push({ type: 'erase-room', roomId }) },
		presence: {
			letGo: (roomId) => void calls.push({ type: 'let-go', roomId }),
			markGone: async (roomId, participantId, person) =>
				void calls.push({ type: 'mark-gone', roomId, participantId, person })
		},
		presenceStore: {
			deleteRoom: async (roomId) => void calls.push({ type: 'delete-presence', roomId })
		},
		sharedWithOtherInstances: false,
		turnEvents: {
			onTurnStarted: async (roomId, _phase, personIds) => {
				calls.push({ type: 'turn-started', roomId, personIds });
				if (turnsFail) throw new Error('push service down');
			},
			onTurnMoved: () => undefined,
			onDeadlineNear: () => undefined
		},
		push: pushStore,
		...options
	});
}

const warnings = (msg: string) =>
	logLines
		.map((line) => JSON.parse(line) as { msg: string; roomId?: string; level: number })
		.filter((line) => line.msg === msg);

beforeEach(() => {
	calls = [];
	turnsFail = false;
	pushStore = memoryPush([
		push(ROOM, 'ben', 1),
		push(ROOM, 'ana', 1),
		push(ROOM, 'ben', 2),
		push(OTHER_ROOM, 'ben', 1)
	]);
	logLines.length = 0;
});

describe('RoomEffects', () => {
	test('[S13] a host key granted goes to the new host’s own channel only', async () => {
		await effectsWith().carryOut(room, [{ type: 'grant-host-key', participantId: 'ana' }]);
		expect(calls).toEqual([
			{
				type: 'emit',
				channel: personChannel(ROOM, 'ana'),
				event: 'host:key',
				args: [{ roomId: ROOM, hostKey: 'new-host-key' }]
			}
		]);
	});

	test('[S20] [W7] a removal tells and lets go the removed, hands the others the new projector token, and deletes exactly their subscriptions', async () => {
		await effectsWith().carryOut(room, [{ type: 'remove', participantId: 'ben' }]);
		const ben = personChannel(ROOM, 'ben');
		expect(calls).toEqual([
			{ type: 'emit', channel: ben, event: 'room:removed', args: [] },
			{ type: 'disconnect', channel: ben, close: true },
			// Under the name and role the room recorded.
			{ type: 'mark-gone', roomId: ROOM, participantId: 'ben', person: BEN },
			{ type: 'disconnect', channel: projectorChannel(ROOM), close: true },
			{
				type: 'emit',
				channel: memberChannel(ROOM),
				except: ben,
				event: 'room:projector',
				args: [{ roomId: ROOM, projectorToken: 'new-projector-token' }]
			}
		]);
		// Ana's in this room, and Ben's in another room, stay.
		expect(pushStore.stored).toEqual([push(ROOM, 'ana', 1), push(OTHER_ROOM, 'ben', 1)]);
	});

	test('[S20] [W7] a removal stands, and what follows it is carried out, when its subscriptions cannot be deleted; the failure is logged', async () => {
		pushStore.failing = true;
		await effectsWith().carryOut(room, [
			{ type: 'remove', participantId: 'ben' },
			{ type: 'announce-lock', locked: true }
		]);
		expect(calls.map((call) => call.type)).toEqual([
			'emit',
			'disconnect',
			'mark-gone',
			'disconnect',
			'emit',
			'emit'
		]);
		expect(calls.at(-1)).toMatchObject({ channel: roomChannel(ROOM), event: 'room:lock' });
		expect(warnings("a removed person's notifications were kept")).toEqual([
			expect.objectContaining({ roomId: ROOM, level: 40 })
		]);
		expect(pushStore.stored).toHaveLength(4);
	});

	test('[S20] removing someone the room has no record of lets them go without a presence record', async () => {
		await effectsWith().carryOut(room, [{ type: 'remove', participantId: 'cy' }]);
		expect(calls.map((call) => call.type)).toEqual(['emit', 'disconnect', 'disconnect', 'emit']);
	});

	test.each([
		['alone', false, []],
		['shared with other instances', true, [{ type: 'tell-instances', roomId: ROOM }]]
	])(
		'[S18] erasing a room %s: its sockets hear it, the room and its presence are deleted',
		async (_name, sharedWithOtherInstances, told) => {
			await effectsWith({ sharedWithOtherInstances }).carryOut(room, [{ type: 'erase' }]);
			expect(calls).toEqual([
				{ type: 'emit', channel: roomChannel(ROOM), event: 'room:erased', args: [] },
				...told,
				{ type: 'erase-room', roomId: ROOM },
				{ type: 'let-go', roomId: ROOM },
				{ type: 'delete-presence', roomId: ROOM }
			]);
		}
	);

	test('[A9] a turn notification that fails is logged, and the effects after it are carried out', async () => {
		turnsFail = true;
		const turn: Effect = {
			type: 'turn-event',
			event: { type: 'turn-started', phaseIndex: 1, personIds: ['ana'] }
		};
		await effectsWith().carryOut(room, [turn, { type: 'announce-lock', locked: false }]);
		expect(calls).toEqual([
			{ type: 'turn-started', roomId: ROOM, personIds: ['ana'] },
			{
				type: 'emit',
				channel: roomChannel(ROOM),
				event: 'room:lock',
				args: [{ roomId: ROOM, locked: false }]
			}
		]);
		expect(warnings('a turn notification failed')).toEqual([
			expect.objectContaining({ roomId: ROOM, level: 40 })
		]);
	});
});
