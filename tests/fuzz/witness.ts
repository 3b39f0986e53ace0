import * as Y from 'yjs';
import { CONTROL_MAP, controlStateSchema, NOTES_TEXT } from '../../src/lib/protocol/control';
import type { JoinReply, Reply } from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import { connectDoc, connectSocket, participantKeyOf } from '../support/clients';
import { createRoom } from '../support/server';
import { waitFor } from '../support/wait';

/** What a stock client sees of a room. */
export interface RoomView {
	/** Root type names, sorted: a root the fuzz made would show here. */
	roots: string[];
	notes: string;
	control: Record<string, unknown>;
	/** Awareness client ids other than the reader's own, sorted. */
	awareness: number[];
	/** The document as an update, for generators that need real item ids. */
	update: Uint8Array;
}

export const WITNESS_NOTES = 'She felt unheard in the planning meeting. Needs: clarity, time. ✓';
export const WITNESS_STEP = 2;
const WITNESS_HOST = 'fuzz-witness-host';

/** Syncs a fresh stock client to the room (`params` in its URL) and answers what it sees. */
export async function viewRoom(
	serverUrl: string,
	roomId: string,
	params: Record<string, string> = {}
): Promise<RoomView> {
	const { doc, provider } = connectDoc(serverUrl, roomId, new Y.Doc(), params);
	try {
		await waitFor(() => provider.synced, `room ${roomId} to sync`);
		return {
			roots: [...doc.share.keys()].sort(),
			notes: doc.getText(NOTES_TEXT).toString(),
			control: doc.getMap(CONTROL_MAP).toJSON(),
			awareness: [...provider.awareness.getStates().keys()]
				.filter((id) => id !== doc.clientID)
				.sort(),
			update: Y.encodeStateAsUpdate(doc)
		};
	} finally {
		provider.destroy();
		doc.destroy();
	}
}

/**
 * The witness room: notes written by a stock y-websocket client, the step set by its host over
 * socket.io, control and the room locked, so that no fuzzed join or command may change it (a
 * locked room refuses new people, rule S15). Document connections carry the host's ticket (rule
 * Y9): a locked room refuses the others. Both clients stay connected during the fuzz, as people
 * in a real room would.
 */
export async function openWitness(serverUrl: string) {
	const room = await createRoom(serverUrl);
	const host = await connectSocket(serverUrl);
	const joined = (await host.emitWithAck('room:join', {
		protocolVersion: PROTOCOL_VERSION,
		roomId: room.id,
		participantId: WITNESS_HOST,
		participantKey: participantKeyOf(WITNESS_HOST),
		name: 'Witness',
		roleId: 'listener',
		hostKey: room.hostKey
	})) as JoinReply;
	if (!joined.ok) throw new Error(`the witness could not join: ${joined.error.message}`);
	const ticket = { participant: WITNESS_HOST, ticket: joined.docTicket };
	for (const command of [
		{ type: 'agreements.confirm' },
		{ type: 'step.goto', target: WITNESS_STEP },
		{ type: 'host.lock-control', locked: true },
		{ type: 'host.lock-room', locked: true }
	] as const) {
		const reply = (await host.emitWithAck('control:command', command)) as Reply;
		if (!reply.ok) throw new Error(`the witness could not ${command.type}: ${reply.error.message}`);
	}
	const writer = connectDoc(serverUrl, room.id, new Y.Doc(), ticket);
	await waitFor(() => writer.provider.synced, 'the witness writer to sync');
	writer.doc.getText(NOTES_TEXT).insert(0, WITNESS_NOTES);
	const control = writer.doc.getMap(CONTROL_MAP);
	await waitFor(
		() => control.get('step') === WITNESS_STEP && control.get('roomLocked') === true,
		'the witness room to be set up'
	);
	await waitFor(
		async () => (await viewRoom(serverUrl, room.id, ticket)).notes === WITNESS_NOTES,
		'the witness notes to reach the server'
	);
	const expected = await viewRoom(serverUrl, room.id, ticket);

	return {
		roomId: room.id,
		/** URL parameters that let a document connection into the locked room. */
		ticket,
		expected,
		/** What differs from the witness room as it was set up; nothing, when all is well. */
		async problems(): Promise<string[]> {
			const problems: string[] = [];
			const seen = await viewRoom(serverUrl, room.id, ticket);
			const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
			if (seen.notes !== WITNESS_NOTES)
				problems.push(`witness notes changed: ${JSON.stringify(seen.notes)}`);
			if (seen.control.step !== WITNESS_STEP)
				problems.push(`witness step changed: ${String(seen.control.step)}`);
			if (!same(seen.roots, expected.roots))
				problems.push(`witness root types changed: ${seen.roots.join(', ')}`);
			if (!same(seen.control, expected.control)) {
				problems.push(`witness control changed: ${JSON.stringify(seen.control)}`);
			}
			// Fuzzed connections are closed: their awareness states must have left with them (Y1).
			// The writer's own state is not theirs: y-protocols ignores a client's first state (clock
			// 0), so it shows only once the provider renews it, 15 s in, on a slow run.
			const fuzzed = (ids: number[]) => ids.filter((id) => id !== writer.doc.clientID);
			const awarenessNow = async () =>
				fuzzed((await viewRoom(serverUrl, room.id, ticket)).awareness);
			const gone = await waitFor(
				async () => same(await awarenessNow(), fuzzed(expected.awareness)),
				'fuzzed awareness states to leave',
				3_000
			).then(
				() => true,
				() => false
			);
			if (!gone) {
				const left = (await awarenessNow()).filter((id) => !expected.awareness.includes(id));
				problems.push(`awareness states outlived their connections: ${left.join(', ')}`);
			}
			return problems;
		},
		close() {
			host.disconnect();
			writer.provider.destroy();
		}
	};
}

export type Witness = Awaited<ReturnType<typeof openWitness>>;

/** A fuzzed room must still sync for a stock client, with a control map that parses. */
export async function roomProblems(serverUrl: string, roomId: string): Promise<string[]> {
	try {
		const view = await viewRoom(serverUrl, roomId);
		const parsed = controlStateSchema.safeParse(view.control);
		return parsed.success
			? []
			: [`room ${roomId}: control no longer parses: ${JSON.stringify(view.control).slice(0, 300)}`];
	} catch (error) {
		return [`room ${roomId} no longer syncs: ${(error as Error).message}`];
	}
}
