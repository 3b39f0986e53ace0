import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { m } from '../paraglide/messages';
import type { JoinReply, ProtocolError } from '../protocol/socket-events';
import { PROTOCOL_VERSION } from '../protocol/version';
import {
	ACCEPTED,
	ana,
	answered,
	FakeControlChannel,
	Held,
	RecordedSession,
	refusal,
	ROOM_ID
} from './control-channel.fixture';
import { saveHostKey } from './identity';
import { CLOSED, JoinFlow } from './join-flow.svelte';
import { refusalWords } from './refusal-words';
import { UNREACHABLE } from './unreachable';

/**
 * A tab's join over `channel`, and the session it tells. Tests run the server build of Svelte:
 * `$state` fields read as plain fields.
 */
function joinFlow(channel = new FakeControlChannel(), joinFollows = false) {
	const session = new RecordedSession();
	const flow = new JoinFlow(ROOM_ID, channel, joinFollows, session);
	return { flow, channel, session };
}

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('a join the room answers', () => {
	test('answered ok: joined, the answer handed to the session, the problem line cleared', async () => {
		const { flow, channel, session } = joinFlow();
		expect(await flow.join(ana)).toBeUndefined();
		expect(flow.joined).toBe(true);
		expect(flow.identity).toEqual(ana);
		expect(session.joined).toEqual([[ana, ACCEPTED]]);
		expect(session.problem).toBeUndefined();
		expect(channel.joins).toEqual([
			{ protocolVersion: PROTOCOL_VERSION, roomId: ROOM_ID, ...ana, hostKey: undefined }
		]);
	});

	test('the session hears of the join once the tab counts as joined, so kept presses can go', async () => {
		const { flow, session } = joinFlow();
		const joinedWhenTold: boolean[] = [];
		session.afterJoined = () => joinedWhenTold.push(flow.joined);
		await flow.join(ana);
		expect(joinedWhenTold).toEqual([true]);
	});

	test('the join carries the host key this browser kept for the room', async () => {
		const stored = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			getItem: (key: string) => stored.get(key) ?? null,
			setItem: (key: string, value: string) => stored.set(key, value)
		});
		const hostKey = 'host-key-of-twenty-two-';
		saveHostKey(ROOM_ID, hostKey);
		const { flow, channel } = joinFlow();
		await flow.join(ana);
		expect(channel.joins[0]?.hostKey).toBe(hostKey);
	});

	test.each(['not_allowed', 'protocol_mismatch'] as const)(
		'refused %s: not joined, who this is forgotten, the problem line words the refusal',
		async (code) => {
			const { flow, channel, session } = joinFlow();
			channel.joinAnswers.push(refusal(code));
			const error = await flow.join(ana);
			expect(error?.code).toBe(code);
			expect(flow.joined).toBe(false);
			expect(flow.identity).toBeUndefined();
			expect(session.problem).toBe(refusalWords(refusal(code).error));
			expect(session.problem).not.toBe(refusal(code).error.message);
			expect([session.watches, session.removals, session.erasures]).toEqual([0, 0, 0]);
		}
	);

	test('[S22] refused room_locked: locked out, the form’s notice says it (not the problem line), and the tab watches to hear the door open', async () => {
		const { flow, channel, session } = joinFlow();
		channel.joinAnswers.push(refusal('room_locked'));
		expect((await flow.join(ana))?.code).toBe('room_locked');
		expect(flow.lockedOut).toBe(true);
		expect(flow.refusedFull).toBe(false);
		expect(flow.identity).toBeUndefined();
		expect(session.problem).toBeUndefined();
		expect(session.watches).toBe(1);
	});

	test('[S22] refused room_full: told by the form’s notice, and the tab watches to see a place come free', async () => {
		const { flow, channel, session } = joinFlow();
		channel.joinAnswers.push(refusal('room_full'));
		expect((await flow.join(ana))?.code).toBe('room_full');
		expect(flow.refusedFull).toBe(true);
		expect(flow.lockedOut).toBe(false);
		expect(flow.identity).toBeUndefined();
		expect(session.problem).toBeUndefined();
		expect(session.watches).toBe(1);
		// A place came free and the person joins: the notice goes.
		await flow.join(ana);
		expect(flow.refusedFull).toBe(false);
		expect(flow.joined).toBe(true);
	});

	test('refused removed: the session closes the room on the tab, with no problem line', async () => {
		const { flow, channel, session } = joinFlow();
		channel.joinAnswers.push(refusal('removed'));
		await flow.join(ana);
		expect(session.removals).toBe(1);
		expect(session.problem).toBeUndefined();
		expect(flow.identity).toBeUndefined();
		expect(session.watches).toBe(0);
	});

	test('refused room_not_found: the room was erased while the tab was away, and the join ends after the session forgot it', async () => {
		const { flow, channel, session } = joinFlow();
		channel.joinAnswers.push(refusal('room_not_found'));
		let forgotten = false;
		session.onErased = async () => {
			await Promise.resolve();
			forgotten = true;
		};
		await flow.join(ana);
		expect(forgotten).toBe(true);
		expect(session.problem).toBeUndefined();
		expect(flow.identity).toBeUndefined();
	});

	test('after a refused join the next connect watches the room instead of joining again', async () => {
		const { flow, channel, session } = joinFlow();
		channel.joinAnswers.push(refusal('not_allowed'));
		await flow.join(ana);
		flow.connected();
		await answered();
		expect(channel.joins).toHaveLength(1);
		expect(session.watches).toBe(1);
	});
});

describe('a join whose answer does not come', () => {
	test('made before the connection is up: it waits for it, and the connect does not join twice', async () => {
		const { flow, channel } = joinFlow(new FakeControlChannel({ up: false }));
		const joining = flow.join(ana);
		await answered();
		expect(channel.joins).toEqual([]);
		// The socket's connect event, then the connection the join waited for.
		flow.connected();
		channel.connect();
		expect(await joining).toBeUndefined();
		await answered();
		expect(channel.joins).toHaveLength(1);
		expect(flow.joined).toBe(true);
	});

	test('no connection in time: told unreachable, who this is kept, joined on the next connect', async () => {
		const { flow, channel, session } = joinFlow(new FakeControlChannel({ up: false }));
		const joining = flow.join(ana);
		channel.giveUp();
		expect(await joining).toBe(UNREACHABLE);
		expect(session.problem).toBe(m.room_unreachable());
		expect(flow.identity).toEqual(ana);
		expect(flow.joined).toBe(false);
		expect(flow.waiting).toBe(false);
		expect(channel.joins).toEqual([]);
		channel.connect();
		flow.connected();
		await answered();
		expect(channel.joins).toHaveLength(1);
		expect(flow.joined).toBe(true);
	});

	test('a lost answer: told unreachable, not retried by a timer but on the next connect', async () => {
		const { flow, channel, session } = joinFlow();
		channel.joinAnswers.push('lost');
		expect(await flow.join(ana)).toBe(UNREACHABLE);
		expect(session.problem).toBe(m.room_unreachable());
		expect(flow.identity).toEqual(ana);
		expect(flow.waiting).toBe(false);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(channel.joins).toHaveLength(1);
		flow.connected();
		await answered();
		expect(channel.joins).toHaveLength(2);
		expect(flow.joined).toBe(true);
	});
});

describe('"not now": joining again with a doubling wait (S24, S25)', () => {
	test('[S25] a busy room: told so, who this is kept, joined again after 1 s, then 2 s', async () => {
		const { flow, channel, session } = joinFlow();
		const busy = refusal('busy');
		channel.joinAnswers.push(busy, busy);
		expect(await flow.join(ana)).toEqual(busy.error);
		expect(session.problem).toBe(refusalWords(busy.error));
		expect(flow.identity).toEqual(ana);
		expect(flow.waiting).toBe(true);
		expect(flow.storageDown).toBe(false);
		await vi.advanceTimersByTimeAsync(999);
		expect(channel.joins).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(channel.joins).toHaveLength(2);
		await vi.advanceTimersByTimeAsync(1_999);
		expect(channel.joins).toHaveLength(2);
		await vi.advanceTimersByTimeAsync(1);
		expect(channel.joins).toHaveLength(3);
		expect(flow.joined).toBe(true);
		expect(flow.waiting).toBe(false);
		expect(session.problem).toBeUndefined();
	});

	test('[S24] storage unavailable is named as such until a join is answered otherwise', async () => {
		const { flow, channel } = joinFlow();
		channel.joinAnswers.push(refusal('unavailable'));
		await flow.join(ana);
		expect(flow.storageDown).toBe(true);
		expect(flow.waiting).toBe(true);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(flow.joined).toBe(true);
		expect(flow.storageDown).toBe(false);
	});

	test('joined meanwhile by a reconnect: the waiting retry does not join again', async () => {
		const { flow, channel } = joinFlow();
		channel.joinAnswers.push(refusal('busy'));
		await flow.join(ana);
		flow.connected();
		await answered();
		expect(flow.joined).toBe(true);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(channel.joins).toHaveLength(2);
	});

	test('stop() drops the retry still waiting', async () => {
		const { flow, channel } = joinFlow();
		channel.joinAnswers.push(refusal('busy'));
		await flow.join(ana);
		flow.stop();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(channel.joins).toHaveLength(1);
	});

	test('[S24] a command answered "not now" (dropped): not joined, and joined again after the wait', async () => {
		const { flow, channel } = joinFlow();
		await flow.join(ana);
		const unavailable: ProtocolError = refusal('unavailable').error;
		flow.dropped(ana, unavailable);
		expect(flow.joined).toBe(false);
		expect(flow.waiting).toBe(true);
		expect(flow.storageDown).toBe(true);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(channel.joins).toHaveLength(2);
		expect(flow.joined).toBe(true);
	});
});

describe('the connection coming and going', () => {
	test('a connect before any join watches the room, so the join form knows who is here', () => {
		const { flow, channel, session } = joinFlow();
		flow.connected();
		expect(session.watches).toBe(1);
		expect(channel.joins).toEqual([]);
	});

	test('a page that will join with a kept identity does not watch on its first connect', () => {
		const { flow, session } = joinFlow(new FakeControlChannel(), true);
		flow.connected();
		expect(session.watches).toBe(0);
	});

	test('disconnected(): not joined, who this is kept, and the next connect joins again', async () => {
		const { flow, channel } = joinFlow();
		await flow.join(ana);
		flow.disconnected();
		expect(flow.joined).toBe(false);
		expect(flow.identity).toEqual(ana);
		flow.connected();
		await answered();
		expect(channel.joins).toHaveLength(2);
		expect(flow.joined).toBe(true);
	});

	test('forget(): not joined, who this is forgotten; the next connect only watches', async () => {
		const { flow, channel, session } = joinFlow();
		await flow.join(ana);
		flow.forget();
		expect(flow.joined).toBe(false);
		expect(flow.identity).toBeUndefined();
		flow.connected();
		await answered();
		expect(channel.joins).toHaveLength(1);
		expect(session.watches).toBe(1);
	});

	test('forget(): a retry still waiting does not join again', async () => {
		const { flow, channel } = joinFlow();
		channel.joinAnswers.push(refusal('busy'));
		await flow.join(ana);
		flow.forget();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(channel.joins).toHaveLength(1);
		expect(flow.joined).toBe(false);
	});
});

describe('a join in flight when the room closes on the tab (an erase, a removal, the page leaving)', () => {
	/** A join sent, whose answer the test gives later (`held.give`). */
	async function joinInFlight() {
		const parts = joinFlow();
		const held = new Held<JoinReply>();
		parts.channel.joinAnswers.push(held);
		const joining = parts.flow.join(ana);
		await answered();
		return { ...parts, held, joining };
	}

	test.each([
		['lost, as the erase disconnected the socket', 'lost'],
		['accepted late', ACCEPTED],
		['"not now"', refusal('busy')],
		['refused', refusal('not_allowed')],
		['refused removed', refusal('removed')]
	] as const)(
		'answered %s after forget(): nothing changes (no problem line, not joined, no retry)',
		async (_, answer) => {
			const { flow, channel, session, held, joining } = await joinInFlight();
			// The session hears of the erase from the document connection: it forgets the room and
			// clears the problem line, then disconnects the socket the join was waiting on.
			flow.forget();
			session.tell(undefined);
			held.give(answer);
			// An error all the same, so the page does not keep who this is for the room.
			expect(await joining).toBe(CLOSED);
			expect(session.problem).toBeUndefined();
			expect(flow.joined).toBe(false);
			expect(flow.identity).toBeUndefined();
			expect(flow.waiting).toBe(false);
			expect(session.joined).toEqual([]);
			await vi.advanceTimersByTimeAsync(60_000);
			expect(channel.joins).toHaveLength(1);
			expect([session.watches, session.removals, session.erasures]).toEqual([0, 0, 0]);
		}
	);

	test.each(['comes up', 'gives up'] as const)(
		'waiting for the connection when forgotten, which then %s: no join sent, no problem line',
		async (then) => {
			const { flow, channel, session } = joinFlow(new FakeControlChannel({ up: false }));
			const joining = flow.join(ana);
			flow.forget();
			session.tell(undefined);
			if (then === 'comes up') channel.connect();
			else channel.giveUp();
			await joining;
			expect(channel.joins).toEqual([]);
			expect(session.problem).toBeUndefined();
			expect(session.joined).toEqual([]);
		}
	);

	test('stop(): an answer that comes after changes nothing', async () => {
		const { flow, session, held, joining } = await joinInFlight();
		flow.stop();
		session.tell(undefined);
		held.give(ACCEPTED);
		await joining;
		expect(flow.joined).toBe(false);
		expect(session.joined).toEqual([]);
		expect(session.problem).toBeUndefined();
	});

	test('forget() then a new join: that one is answered as usual', async () => {
		const { flow, channel, session, held, joining } = await joinInFlight();
		flow.forget();
		expect(await flow.join(ana)).toBeUndefined();
		held.give('lost');
		expect(await joining).toBe(CLOSED);
		expect(flow.joined).toBe(true);
		expect(session.joined).toEqual([[ana, ACCEPTED]]);
		expect(session.problem).toBeUndefined();
		expect(channel.joins).toHaveLength(2);
	});
});
