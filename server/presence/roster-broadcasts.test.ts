import { expect, test } from 'vitest';
import type { Participant, PresenceStatus, VersionedRoster } from '../../src/lib/protocol/presence';
import { presencePolicy } from '../../src/lib/room/presence';
import { roomChannel, type RoomServer } from '../socket/socket-types';
import { createMemoryPresenceStore } from './memory-presence-store';
import { RosterBroadcasts } from './roster-broadcasts';

const HEARTBEAT_MS = 1_000;
const policy = presencePolicy(HEARTBEAT_MS);

/** What one audience heard: the rosters sent to it, in order. */
type Heard = (VersionedRoster & { channel: string })[];

/** Just what RosterBroadcasts uses of a socket.io server: sending, and this instance's channels. */
function fakeIo(channelsHere: Set<string>) {
	const everyone: Heard = [];
	const watchersHere: Heard = [];
	const sender = (heard: Heard) => ({
		to: (channel: string) => ({
			emit: (_event: string, roster: Participant[], version: number) => {
				heard.push({ channel, roster, version });
				return true;
			}
		})
	});
	const io = {
		...sender(everyone),
		local: sender(watchersHere),
		of: () => ({ adapter: { rooms: channelsHere } })
	};
	// reason: a fake of the parts of the server that RosterBroadcasts uses.
	return { io: io as unknown as RoomServer, everyone, watchersHere };
}

function setup() {
	let now = 1_000_000;
	const store = createMemoryPresenceStore(policy);
	const channelsHere = new Set([roomChannel('room')]);
	const { io, everyone, watchersHere } = fakeIo(channelsHere);
	/** Rooms someone joined through this instance. */
	const joinedHere = new Set(['room']);
	const broadcasts = new RosterBroadcasts({
		io,
		roster: (roomId) => store.list(roomId, now),
		erased: () => false,
		joinedHere: (roomId) => joinedHere.has(roomId)
	});
	/** Another instance writes Ann's record, at the time now. */
	const annIs = (status: PresenceStatus) =>
		store.put('room', {
			participantId: 'ann',
			name: 'Ann',
			roleId: 'player',
			status,
			seenAt: now,
			joinedAt: now
		});
	const later = (ms: number) => (now += ms);
	return { broadcasts, everyone, watchersHere, channelsHere, joinedHere, annIs, later };
}

const annIn = (heard: Heard) => heard.at(-1)?.roster.map((p) => p.status);

test('[S8] heartbeats send the watchers here a roster that changed with no write: someone’s instance stopped', async () => {
	const { broadcasts, everyone, watchersHere, annIs, later } = setup();
	await annIs('connected');
	broadcasts.watched('room');
	await broadcasts.beatWatchers(new Set());
	expect(annIn(watchersHere)).toEqual(['connected']);
	await broadcasts.beatWatchers(new Set());
	expect(watchersHere).toHaveLength(1);

	later(policy.staleAfterMs + 1);
	await broadcasts.beatWatchers(new Set());
	expect(annIn(watchersHere)).toEqual(['gone']);
	expect(watchersHere.map((r) => r.channel)).toEqual([roomChannel('room'), roomChannel('room')]);
	expect(everyone).toEqual([]);
});

test('[S8] heartbeats of other instances, which raise the version and seenAt only, send the watchers here nothing; a change does', async () => {
	const { broadcasts, watchersHere, annIs, later } = setup();
	await annIs('connected');
	broadcasts.watched('room');
	await broadcasts.beatWatchers(new Set());
	for (let beat = 0; beat < 3; beat++) {
		later(HEARTBEAT_MS);
		await annIs('connected');
		await broadcasts.beatWatchers(new Set());
	}
	expect(watchersHere).toHaveLength(1);

	await annIs('away');
	await broadcasts.beatWatchers(new Set());
	expect(annIn(watchersHere)).toEqual(['away']);
	expect(watchersHere).toHaveLength(2);
});

test('[S8, S27] heartbeats send the watchers here someone gone again after being back elsewhere, unseen here', async () => {
	const { broadcasts, watchersHere, annIs, later } = setup();
	await annIs('connected');
	broadcasts.watched('room');
	later(policy.staleAfterMs + 1);
	await broadcasts.beatWatchers(new Set());
	expect(annIn(watchersHere)).toEqual(['gone']);

	// Ann back through another instance, which sends its roster itself, and stops before a beat here.
	await annIs('connected');
	later(policy.staleAfterMs + 1);
	await broadcasts.beatWatchers(new Set());
	expect(watchersHere).toHaveLength(2);
	expect(annIn(watchersHere)).toEqual(['gone']);
	expect(watchersHere[1]?.version).toBeGreaterThan(watchersHere[0]?.version ?? Infinity);
});

test('[S8] heartbeats send the watchers here nothing for rooms joined here, sent to everyone already', async () => {
	const { broadcasts, watchersHere, annIs } = setup();
	await annIs('connected');
	broadcasts.watched('room');
	await broadcasts.beatWatchers(new Set(['room']));
	expect(watchersHere).toEqual([]);
});

test('[S8] a room whose watchers here left is forgotten: watched again, it is sent again', async () => {
	const { broadcasts, watchersHere, channelsHere, annIs } = setup();
	await annIs('connected');
	broadcasts.watched('room');
	await broadcasts.beatWatchers(new Set());
	channelsHere.clear();
	await broadcasts.beatWatchers(new Set());
	expect(watchersHere).toHaveLength(1);

	channelsHere.add(roomChannel('room'));
	await broadcasts.beatWatchers(new Set());
	expect(watchersHere).toHaveLength(1);
	broadcasts.watched('room');
	await broadcasts.beatWatchers(new Set());
	expect(watchersHere).toHaveLength(2);
});

test('sends to everyone a roster whose entries changed, or when forced; the watchers’ memory is apart', async () => {
	const { broadcasts, everyone, watchersHere, annIs, later } = setup();
	await annIs('connected');
	await broadcasts.send('room');
	await broadcasts.send('room');
	expect(everyone).toHaveLength(1);
	// A heartbeat's write raises the version and seenAt but changes no entry.
	later(HEARTBEAT_MS);
	await annIs('connected');
	await broadcasts.send('room');
	expect(everyone).toHaveLength(1);
	await broadcasts.send('room', { force: true });
	expect(everyone).toHaveLength(2);

	broadcasts.watched('room');
	await broadcasts.beatWatchers(new Set());
	expect(watchersHere).toHaveLength(1);
});

test('forgets what it sent everyone in a room once nobody here joined it, and keeps it again once someone has', async () => {
	const { broadcasts, everyone, joinedHere, annIs } = setup();
	await annIs('connected');
	await broadcasts.send('room');
	joinedHere.clear();
	// The last one here left: its leave is sent, and nothing is kept of the room.
	await broadcasts.send('room', { force: true });
	await broadcasts.send('room');
	expect(everyone).toHaveLength(3);

	joinedHere.add('room');
	await broadcasts.send('room');
	await broadcasts.send('room');
	expect(everyone).toHaveLength(4);
});
