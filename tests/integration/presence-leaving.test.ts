import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Participant } from '../../src/lib/protocol/presence';
import { cleanupsAfterEach } from '../support/cleanups';
import { joinAs, type JoinedPerson } from '../support/clients';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

// A grace far longer than any test: whatever shows someone gone here is not its end.
let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer({ leaveGraceMs: 60_000 });
});
afterAll(() => server.close());

const cleanups = cleanupsAfterEach();

async function joined(
	roomId: string,
	name: string,
	options: { hostKey?: string; id?: string } = {}
): Promise<JoinedPerson> {
	const person = await joinAs(server.url, roomId, name, options);
	cleanups.push(() => person.socket.disconnect());
	if (!person.reply.ok) throw new Error(person.reply.error.message);
	return person;
}

/** Every roster `person` receives from now on. */
function rostersOf(person: JoinedPerson): Participant[][] {
	const rosters: Participant[][] = [];
	person.socket.on('presence:roster', (roster) => rosters.push(roster));
	return rosters;
}

const statusIn = (roster: Participant[], id: string) =>
	roster.find((p) => p.participantId === id)?.status;

describe('people leaving (docs/protocol.md S2)', () => {
	test('[S2] someone whose connection drops is shown dropped during the leave grace, not gone', async () => {
		const room = await createRoom(server.url);
		const ada = await joined(room.id, 'Ada');
		const bo = await joined(room.id, 'Bo');
		const rosters = rostersOf(ada);
		bo.socket.disconnect();
		await waitFor(() => rosters.some((r) => statusIn(r, bo.id) === 'dropped'), 'Bo dropped');
		expect(rosters.map((r) => statusIn(r, bo.id))).not.toContain('gone');
	});

	test('[S2, S15] a removed person is gone at once and stays gone: their own disconnect does not show them dropped for the grace', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const target = await joined(room.id, 'Rex');
		const rosters = rostersOf(host);
		const closed = new Promise<void>((resolve) =>
			target.socket.once('disconnect', () => resolve())
		);
		expect(await host.send({ type: 'host.remove', participantId: target.id })).toEqual({
			ok: true
		});
		await closed;
		// Two rosters follow a removal: the removal's own, and the removed socket's leaving.
		const afterRemoval = () => rosters.filter((r) => statusIn(r, target.id) !== 'connected');
		await waitFor(() => afterRemoval().length >= 2, 'the rosters of the removal and the leave');
		expect(afterRemoval().map((r) => statusIn(r, target.id))).toEqual(
			afterRemoval().map(() => 'gone')
		);
	});

	test('[S2] someone’s second tab hiding and closing leaves them connected while their first is open', async () => {
		const room = await createRoom(server.url);
		const ana = await joined(room.id, 'Ana');
		const ben = await joined(room.id, 'Ben');
		const rosters = rostersOf(ben);
		const secondTab = await joined(room.id, 'Ana', { id: ana.id });
		await waitFor(() => rosters.length >= 1, 'the roster of the second tab’s join');
		// A tab being closed reports itself hidden on its way out, then its connection closes.
		secondTab.socket.emit('presence:visibility', { visible: false });
		// A socket's events are handled in order: once a later one is answered, the report was.
		expect(await secondTab.send({ type: 'agreements.confirm' })).toEqual({ ok: true });
		secondTab.socket.disconnect();
		await waitFor(() => rosters.length >= 2, 'the roster of the second tab’s leave');
		// A later marker: every roster sent before Cleo's join is in by the time hers is.
		await joined(room.id, 'Cleo');
		await waitFor(() => rosters.some((r) => r.some((p) => p.name === 'Cleo')), 'Cleo joined');
		expect(rosters.map((r) => statusIn(r, ana.id))).toEqual(rosters.map(() => 'connected'));
	});
});
