import { describe, expect, test } from 'vitest';
import type { AccessState, DocCredentials } from './doc-access';
import { DocConnections } from './doc-connections';

function room(control: Partial<AccessState['control']>, projectorToken = 'p1'): AccessState {
	return {
		control: { roomLocked: false, lockedWith: [], people: {}, removed: [], ...control },
		checkProjectorToken: (token) => (token === projectorToken ? 'current' : 'replaced'),
		isDocTicket: (participantId, ticket) => ticket === `ticket-${participantId}`
	};
}

/** Connections as they opened, each noting how it was ended, in a room as `now` says. */
function opened(list: Record<string, DocCredentials>) {
	const now = { room: room({}) };
	const connections = new DocConnections(() => now.room);
	const ends: string[] = [];
	const forget = Object.fromEntries(
		Object.entries(list).map(([name, credentials]) => [
			name,
			connections.track(credentials, (why) => ends.push(`${name}: ${why}`))
		])
	);
	const endRefused = (state: AccessState) => {
		now.room = state;
		connections.endRefused();
	};
	return { connections, ends, forget, endRefused };
}

const ana: DocCredentials = { kind: 'participant', participantId: 'ana', ticket: 'ticket-ana' };
const ben: DocCredentials = { kind: 'participant', participantId: 'ben', ticket: 'ticket-ben' };
const anyone: DocCredentials = { kind: 'link' };
const projector: DocCredentials = { kind: 'projector', token: 'p1' };

describe('DocConnections', () => {
	test('[Y11] locking ends only the connections without a ticket; each is ended once', () => {
		const { connections, ends, endRefused } = opened({ ana, anyone, projector });
		const locked = room({ roomLocked: true, lockedWith: ['ana'] });
		endRefused(locked);
		endRefused(locked);
		expect(ends).toEqual(['anyone: locked']);
		expect(connections.size).toBe(2);
		expect(connections.admission(anyone)).toEqual({ admitted: false, refusal: 'locked' });
		expect(connections.admission(ana)).toMatchObject({ admitted: true });
	});

	test('[Y11] a removal ends the removed person’s connections, a new projector token the old projectors', () => {
		const { connections, ends, endRefused } = opened({ ana, ben, projector });
		endRefused(room({ removed: ['ben'] }, 'p2'));
		expect(ends).toEqual(['ben: removed', 'projector: projector-replaced']);
		expect(connections.size).toBe(1);
	});

	test('a forgotten connection is not ended; erasing ends all the others', () => {
		const { connections, ends, forget, endRefused } = opened({ ana, anyone });
		forget.anyone?.();
		endRefused(room({ roomLocked: true, lockedWith: ['ana'] }));
		connections.endAll('erased');
		expect(ends).toEqual(['ana: erased']);
		expect(connections.size).toBe(0);
	});
});
