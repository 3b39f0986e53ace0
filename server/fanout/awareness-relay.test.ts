import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import {
	applyAwarenessUpdate,
	Awareness,
	encodeAwarenessUpdate,
	outdatedTimeout
} from 'y-protocols/awareness';
import { AWARENESS_EVERY_MS, AwarenessRelay } from './awareness-relay';

const REMOTE = Symbol('remote');

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

/** A server's awareness with its relay, and what the relay sent. */
function relayed() {
	const server = new Awareness(new Y.Doc());
	// As in a loaded room: the server has no state of its own.
	server.setLocalState(null);
	const sent: Uint8Array[] = [];
	const relay = new AwarenessRelay(
		server,
		REMOTE,
		(update) => sent.push(update),
		() => true
	);
	return { server, sent, relay };
}

/** A client whose awareness reaches `server` with `origin` (a connection, or another instance). */
function clientOf(server: Awareness, origin: unknown) {
	const awareness = new Awareness(new Y.Doc());
	return {
		id: awareness.clientID,
		set(state: Record<string, unknown>) {
			awareness.setLocalState(state);
			applyAwarenessUpdate(server, encodeAwarenessUpdate(awareness, [awareness.clientID]), origin);
		}
	};
}

/** The states an update carries, as another instance would see them. */
function statesIn(update: Uint8Array): Map<number, unknown> {
	const elsewhere = new Awareness(new Y.Doc());
	applyAwarenessUpdate(elsewhere, update, REMOTE);
	return elsewhere.getStates();
}

test('ten changes within the window are sent once, with the latest state', () => {
	const { server, sent } = relayed();
	const client = clientOf(server, 'connection');
	for (let x = 0; x < 10; x++) {
		client.set({ cursor: x });
		vi.advanceTimersByTime(AWARENESS_EVERY_MS / 20);
	}
	expect(sent).toEqual([]);
	vi.advanceTimersByTime(AWARENESS_EVERY_MS);
	expect(sent).toHaveLength(1);
	expect(statesIn(sent[0]!).get(client.id)).toEqual({ cursor: 9 });
});

test('changes that came from another instance are not sent back', () => {
	const { server, sent } = relayed();
	clientOf(server, REMOTE).set({ cursor: 1 });
	vi.advanceTimersByTime(AWARENESS_EVERY_MS * 2);
	expect(sent).toEqual([]);
});

test('removals by the outdated check are not sent: the client may be live on its own instance', () => {
	const { server, sent } = relayed();
	const local = clientOf(server, 'connection');
	const remote = clientOf(server, REMOTE);
	local.set({ cursor: 1 });
	remote.set({ cursor: 2 });
	vi.advanceTimersByTime(AWARENESS_EVERY_MS);
	expect(sent).toHaveLength(1);
	// Neither client renews its state: the server's own check removes both. Its clock is lib0's
	// (`Date.now` taken before the timers were faked), so their last updates are moved back.
	for (const meta of server.meta.values()) meta.lastUpdated -= outdatedTimeout;
	vi.advanceTimersByTime(outdatedTimeout / 10);
	expect(server.getStates().has(local.id)).toBe(false);
	expect(server.getStates().has(remote.id)).toBe(false);
	expect(sent).toHaveLength(1);
});

test('destroying sends what is pending at once, and nothing after', () => {
	const { server, sent, relay } = relayed();
	const client = clientOf(server, 'connection');
	client.set({ cursor: 1 });
	relay.destroy();
	expect(sent).toHaveLength(1);
	expect(statesIn(sent[0]!).get(client.id)).toEqual({ cursor: 1 });
	client.set({ cursor: 2 });
	vi.advanceTimersByTime(AWARENESS_EVERY_MS * 2);
	expect(sent).toHaveLength(1);
});

test('nothing is collected or sent while no other instance can hear the room', () => {
	const server = new Awareness(new Y.Doc());
	server.setLocalState(null);
	const sent: Uint8Array[] = [];
	let heard = false;
	new AwarenessRelay(
		server,
		REMOTE,
		(update) => sent.push(update),
		() => heard
	);
	const client = clientOf(server, 'connection');
	client.set({ cursor: 1 });
	vi.advanceTimersByTime(AWARENESS_EVERY_MS * 2);
	expect(sent).toEqual([]);
	heard = true;
	client.set({ cursor: 2 });
	vi.advanceTimersByTime(AWARENESS_EVERY_MS);
	expect(sent).toHaveLength(1);
	expect(statesIn(sent[0]!).get(client.id)).toEqual({ cursor: 2 });
});
