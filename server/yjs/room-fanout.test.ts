import { expect, test } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { awarenessUpdate } from '../../tests/support/awareness-update';
import { MESSAGE_AWARENESS, RoomFanout, type Peer } from './room-fanout';

/** A room's fan-out with a sender and one other connection, and what that one received. */
function room() {
	const doc = new Y.Doc();
	const awareness = new Awareness(doc);
	awareness.setLocalState(null);
	const fanout = new RoomFanout({ doc, awareness });
	const received: Buffer[] = [];
	const sender: Peer = { send: () => {} };
	fanout.add(sender);
	fanout.add({ send: (frame) => received.push(frame) });
	return { awareness, fanout, sender, received };
}

/** A client's awareness update setting `state` at the clock its awareness is at. */
function clientUpdate(client: Awareness, state: Record<string, unknown>): Uint8Array {
	client.setLocalState(state);
	return encodeAwarenessUpdate(client, [client.clientID]);
}

/** The awareness update a short frame carries. */
function awarenessIn(frame: Buffer): Uint8Array {
	expect(frame[1]).toBeLessThan(126);
	const decoder = decoding.createDecoder(frame.subarray(2));
	expect(decoding.readVarUint(decoder)).toBe(MESSAGE_AWARENESS);
	return decoding.readVarUint8Array(decoder);
}

test('an awareness update whose every entry changed the room is relayed as it came, not encoded again', () => {
	const { awareness, fanout, sender, received } = room();
	// Spaced as no encoder would space it: encoded again, the text would differ.
	const update = awarenessUpdate([[7, 1, '{ "cursor": 1 }']]);
	fanout.relayAsSent(sender, update, 1, () => applyAwarenessUpdate(awareness, update, sender));
	expect(received).toHaveLength(1);
	expect(awarenessIn(received[0]!)).toEqual(update);
});

test('an update with an entry older than the room’s state relays only what changed, encoded again', () => {
	const { awareness, fanout, sender, received } = room();
	const first = new Awareness(new Y.Doc());
	const second = new Awareness(new Y.Doc());
	const stale = clientUpdate(first, { cursor: 1 });
	applyAwarenessUpdate(awareness, clientUpdate(first, { cursor: 2 }), sender);
	received.length = 0;
	clientUpdate(second, { cursor: 7 });
	// The first client's older state and the second's new one, in one message.
	const both = encodeAwarenessUpdate(
		(() => {
			const merged = new Awareness(new Y.Doc());
			applyAwarenessUpdate(merged, stale, 'test');
			applyAwarenessUpdate(merged, encodeAwarenessUpdate(second, [second.clientID]), 'test');
			return merged;
		})(),
		[first.clientID, second.clientID]
	);
	fanout.relayAsSent(sender, both, 2, () => applyAwarenessUpdate(awareness, both, sender));
	expect(received).toHaveLength(1);
	const elsewhere = new Awareness(new Y.Doc());
	applyAwarenessUpdate(elsewhere, awarenessIn(received[0]!), 'test');
	expect([...elsewhere.getStates().keys()]).toEqual([elsewhere.clientID, second.clientID]);
	expect(elsewhere.getStates().get(second.clientID)).toEqual({ cursor: 7 });
});
