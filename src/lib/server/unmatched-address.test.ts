import { afterEach, describe, expect, test } from 'vitest';
import { builtInPlaybooks } from '../playbooks/library';
import type { RoomMeta } from '../protocol/http';
import { provideDirectory, providedDirectory, UNAVAILABLE_ERROR_NAME } from './handover';
import { missingAt } from './unmatched-address';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER_ROOM = 'BBBBBBBBBBBBBBBBBBBBBB';
const [playbook] = builtInPlaybooks;
const room: RoomMeta = { id: ROOM, playbookId: playbook?.id ?? '', createdAt: 0 };

const before = providedDirectory();
afterEach(() => {
	if (before) provideDirectory(before);
});

/** A directory that knows one room and one team space, or one whose storage is out of reach or failing. */
function useDirectory(storage: 'reachable' | 'unreachable' | 'failing' = 'reachable') {
	const failure = () =>
		Promise.reject(
			storage === 'failing'
				? new Error('SQLITE_CORRUPT')
				: Object.assign(new Error('down'), { name: UNAVAILABLE_ERROR_NAME })
		);
	const never = () => Promise.reject(new Error('not used'));
	provideDirectory({
		getRoom: (roomId) =>
			storage !== 'reachable' ? failure() : Promise.resolve(roomId === ROOM ? room : undefined),
		roomPlaybook: () => Promise.resolve(playbook),
		teamExists: (teamId) =>
			storage !== 'reachable' ? failure() : Promise.resolve(teamId === 'our-team'),
		findPlaybook: never,
		libraryPage: never,
		countPlaybooks: never,
		communityPublishing: true
	});
}

describe('what an address no page matches is missing', () => {
	test('under a room that exists: only the page, within that room', async () => {
		useDirectory();
		expect(await missingAt(`/r/${ROOM}/nonsense`)).toEqual({
			kind: 'page',
			within: { kind: 'room', id: ROOM }
		});
	});

	test('under a room that does not exist, or a malformed room link: the room', async () => {
		useDirectory();
		expect(await missingAt(`/r/${OTHER_ROOM}/extra`)).toEqual({ kind: 'room' });
		expect(await missingAt(`/r/${ROOM}xyz/extra`)).toEqual({ kind: 'room' });
	});

	test('under a team space that exists: only the page; under one that does not: the team', async () => {
		useDirectory();
		expect(await missingAt('/t/our-team/nonsense')).toEqual({
			kind: 'page',
			within: { kind: 'team', id: 'our-team' }
		});
		expect(await missingAt('/t/their-team/nonsense')).toEqual({ kind: 'team' });
	});

	test('anywhere else: the page', async () => {
		useDirectory();
		expect(await missingAt('/no/such/page')).toEqual({ kind: 'page' });
	});

	test('with storage out of reach: the page, which is true whatever storage would say', async () => {
		useDirectory('unreachable');
		expect(await missingAt(`/r/${ROOM}/nonsense`)).toEqual({ kind: 'page' });
		expect(await missingAt('/t/our-team/nonsense')).toEqual({ kind: 'page' });
	});

	test('with storage failing otherwise: the page too, as handleError must not throw', async () => {
		useDirectory('failing');
		expect(await missingAt(`/r/${ROOM}/nonsense`)).toEqual({ kind: 'page' });
		expect(await missingAt('/t/our-team/nonsense')).toEqual({ kind: 'page' });
	});

	test('under a room named with escaped letters: that room, as its own link reads it', async () => {
		useDirectory();
		expect(await missingAt(`/r/%${ROOM.charCodeAt(0).toString(16)}${ROOM.slice(1)}/x`)).toEqual({
			kind: 'page',
			within: { kind: 'room', id: ROOM }
		});
	});
});
