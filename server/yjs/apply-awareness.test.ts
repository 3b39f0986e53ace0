import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { applyAwarenessEntries } from './apply-awareness';
import { awarenessEntries } from './awareness-check';
import { awarenessUpdate } from '../../tests/support/awareness-update';

type Entry = [clientId: number, clock: number, state: unknown];

/** A server-like Awareness (no local state) and the events it emits, in order. */
function observed(clientID = 1) {
	const awareness = new Awareness(Object.assign(new Y.Doc(), { clientID }));
	awareness.setLocalState(null);
	const events: unknown[] = [];
	for (const name of ['change', 'update'] as const) {
		awareness.on(name, (changes: unknown, origin: unknown) => events.push([name, changes, origin]));
	}
	return { awareness, events };
}

const encoded = (entries: Entry[]) =>
	awarenessUpdate(
		entries.map(([clientId, clock, state]) => [clientId, clock, JSON.stringify(state)])
	);

/** Applies each message both ways and answers what either Awareness holds and emitted. */
function bothWays(messages: Entry[][], clientID?: number) {
	const stock = observed(clientID);
	const ours = observed(clientID);
	for (const message of messages) {
		const update = encoded(message);
		applyAwarenessUpdate(stock.awareness, update, 'origin');
		applyAwarenessEntries(ours.awareness, awarenessEntries(update), 'origin', Date.now());
	}
	const seen = ({ awareness, events }: ReturnType<typeof observed>) => ({
		states: [...awareness.getStates()],
		clocks: [...awareness.meta].map(([id, { clock }]) => [id, clock]),
		events
	});
	return { stock: seen(stock), ours: seen(ours) };
}

describe('parsed awareness entries apply as y-protocols applies the update', () => {
	test('a new state is added, a newer one updates, an older or equal one is ignored', () => {
		const { stock, ours } = bothWays([
			[[7, 1, { cursor: 1 }]],
			[[7, 2, { cursor: 2 }]],
			[[7, 2, { cursor: 3 }]],
			[[7, 1, { cursor: 4 }]]
		]);
		expect(ours).toEqual(stock);
		expect(ours.states).toEqual([[7, { cursor: 2 }]]);
	});

	test('an unchanged state is an update but no change', () => {
		const { stock, ours } = bothWays([[[7, 1, { a: [1, 2] }]], [[7, 2, { a: [1, 2] }]]]);
		expect(ours).toEqual(stock);
		expect(ours.events.filter((event) => (event as unknown[])[0] === 'change')).toHaveLength(1);
	});

	test('null removes a state, also at the same clock, and a removal of nothing changes nothing', () => {
		const { stock, ours } = bothWays([
			[
				[7, 1, { cursor: 1 }],
				[8, 1, { cursor: 1 }]
			],
			[[7, 2, null]],
			[[8, 1, null]],
			[[9, 3, null]]
		]);
		expect(ours).toEqual(stock);
		expect(ours.states).toEqual([]);
	});

	test('the local client is never removed by a remote message; its clock moves on', () => {
		const stock = observed(5);
		const ours = observed(5);
		for (const { awareness } of [stock, ours]) awareness.setLocalState({ me: true });
		const update = encoded([[5, 9, null]]);
		applyAwarenessUpdate(stock.awareness, update, 'origin');
		applyAwarenessEntries(ours.awareness, awarenessEntries(update), 'origin');
		expect(ours.awareness.getStates()).toEqual(stock.awareness.getStates());
		expect(ours.awareness.meta.get(5)?.clock).toBe(10);
		expect(stock.awareness.meta.get(5)?.clock).toBe(10);
	});

	test('states of any JSON value are kept as parsed', () => {
		const { stock, ours } = bothWays([
			[
				[7, 1, 42],
				[8, 1, 'text'],
				[9, 1, [1, { b: null }]]
			]
		]);
		expect(ours).toEqual(stock);
	});
});
