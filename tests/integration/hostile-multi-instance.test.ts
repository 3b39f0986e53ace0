import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_POLICY_VIOLATION, LIMIT_WORDS } from '../../server/limits/limits';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import { cleanupsAfterEach } from '../support/cleanups';
import { instancesOn } from '../support/instances';
import { closeOf, roomConnections, sendHandled, updateFrame } from '../support/raw-doc';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom } from '../support/server';
import { waitFor } from '../support/wait';

/** Rule Y3 across two instances: a server's client id learned on one is guarded on the other. */

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();
const { instance, synced, joined } = instancesOn(() => redis.url, cleanups);

describe('[Y3] a server’s client id seen through another instance', () => {
	test('a value anchored to the next write of a server on one instance is refused on the other', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const witness = await synced(b, room.id);
		const control = witness.doc.getMap(CONTROL_MAP);
		const people = () => Object.keys(control.get('people') ?? {}).length;
		// The id whose clock moves when a join through A is recorded, as B's clients see it.
		const before = Y.decodeStateVector(Y.encodeStateVector(witness.doc));
		const ana = await joined(a, room.id, 'Ana');
		// joined confirms the agreements too: the attacker guesses the write after that one.
		const agreed = () => (control.get('agreed') as string[] | undefined) ?? [];
		await waitFor(() => people() === 1 && agreed().includes(ana.id), 'the first join on B');
		const after = Y.decodeStateVector(Y.encodeStateVector(witness.doc));
		const serverId = [...after.keys()].find((client) => after.get(client) !== before.get(client))!;

		const attacker = new Y.Doc();
		Y.applyUpdate(attacker, Y.encodeStateAsUpdate(witness.doc));
		attacker.clientID = serverId;
		attacker.getMap(CONTROL_MAP).set('people', {});
		const guessed = Y.encodeStateVector(attacker);
		attacker.clientID = 987_655;
		attacker.getMap(CONTROL_MAP).set('people', 'planted');
		const ws = await roomConnections(() => b.url, cleanups).raw(room.id);
		const closed = closeOf(ws);
		await sendHandled(ws, [updateFrame(Y.encodeStateAsUpdate(attacker, guessed))]);
		// Before the fix B answered the frame and kept the value waiting.
		expect(ws.readyState).toBe(ws.CLOSED);
		expect(await closed).toEqual({
			code: CLOSE_POLICY_VIOLATION,
			reason: LIMIT_WORDS.serverClientId
		});

		// The server writes control again: before the fix, once B had it, the waiting value took
		// its key, and B's clients saw 'planted' where the people are.
		await joined(a, room.id, 'Ben');
		await waitFor(() => people() === 2, 'the second join on B');
		// An honest edit on B would let Yjs retry anything still waiting.
		witness.doc.getText(NOTES_TEXT).insert(0, 'honest');
		const onA = await synced(a, room.id);
		await waitFor(() => onA.doc.getText(NOTES_TEXT).toString() === 'honest', 'the edit on A');
		const planted = (doc: Y.Doc) =>
			Object.values(doc.getMap(CONTROL_MAP).toJSON()).includes('planted');
		expect(planted(witness.doc)).toBe(false);
		expect(planted(onA.doc)).toBe(false);
	});
});
