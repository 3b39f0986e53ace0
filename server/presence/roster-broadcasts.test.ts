import { expect, onTestFinished, test, vi } from 'vitest';
import type { Participant, PresenceStatus, VersionedRoster } from '../../src/lib/protocol/presence';
import { presencePolicy } from '../../src/lib/room/presence';
import { log } from '../log';
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
	/** Whether this instance's channels cannot be read (its adapter fails). */
	const adapter = { down: false };
	const io = {
		...sender(everyone),
		local: sender(watchersHere),
		of: () => {
			if (adapter.down) throw new Error('adapter down');
			return { adapter: { rooms: channelsHere } };
		}
	};
	// reason: a fake of the parts of the server that RosterBroadcasts uses.
	return { io: io as unknown as RoomServer, everyone, watchersHere, adapter };
}

function setup() {
	let now = 1_000_000;
	const store = createMemoryPresenceStore(policy);
	const channelsHere = new Set([roomChannel('room')]);
	const { io, everyone, watchersHere, adapter } = fakeIo(channelsHere);
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
	/** A socket here watches the room, answered its roster now (as `room:watch` does). */
	const watch = async () => {
		broadcasts.follow('room');
		const read = await store.list('room', now);
		broadcasts.answered('room', read);
		return read;
	};
	/** Another instance has Ann connected, and a socket here watches the room, answered that. */
	const watchedWithAnn = async () => {
		await annIs('connected');
		return watch();
	};
	/** A heartbeat of this instance, where nobody joined the room. */
	const beat = () => broadcasts.beatWatchers(new Set());
	const later = (ms: number) => (now += ms);
	/** Time goes by until every record not written meanwhile reads as gone: its instance stopped. */
	const goStale = () => later(policy.staleAfterMs + 1);
	return {
		broadcasts,
		everyone,
		watchersHere,
		channelsHere,
		adapter,
		joinedHere,
		annIs,
		watch,
		watchedWithAnn,
		beat,
		later,
		goStale
	};
}

const annIn = (heard: Heard) => heard.at(-1)?.roster.map((p) => p.status);

test('[S8] heartbeats send the watchers here a roster that changed with no write: someone’s instance stopped', async () => {
	const { everyone, watchersHere, watchedWithAnn, beat, goStale } = setup();
	await watchedWithAnn();
	goStale();
	await beat();
	expect(annIn(watchersHere)).toEqual(['gone']);
	expect(watchersHere.map((r) => r.channel)).toEqual([roomChannel('room')]);
	expect(everyone).toEqual([]);
});

test('[S8] a watch answered with the roster: heartbeats send its watchers here nothing more while it stays as it was', async () => {
	const { watchersHere, watchedWithAnn, beat } = setup();
	await watchedWithAnn();
	await beat();
	await beat();
	expect(watchersHere).toEqual([]);
});

test('[S8] a watch answered with a roster its other watchers here were not sent: the next heartbeat sends it to them all', async () => {
	const { watchersHere, watch, watchedWithAnn, beat, goStale } = setup();
	await watchedWithAnn();
	goStale();
	expect((await watch()).roster.map((p) => p.status)).toEqual(['gone']);
	await beat();
	expect(annIn(watchersHere)).toEqual(['gone']);
	// All of them heard it now: another watch answered the same adds nothing.
	await watch();
	await beat();
	expect(watchersHere).toHaveLength(1);
});

test('[S8] watches answered alike after one its other watchers here were not sent: the next heartbeat still sends it to them all', async () => {
	const { watchersHere, watch, watchedWithAnn, beat, goStale } = setup();
	await watchedWithAnn();
	goStale();
	await watch();
	await watch();
	await beat();
	expect(annIn(watchersHere)).toEqual(['gone']);
});

test('[S8] a watch followed whose roster read failed: the next heartbeat sends its watchers here the roster', async () => {
	const { broadcasts, watchersHere, annIs, beat } = setup();
	broadcasts.follow('room');
	await annIs('connected');
	await beat();
	expect(annIn(watchersHere)).toEqual(['connected']);
});

test('[S8] heartbeats of other instances, which raise the version and seenAt only, send the watchers here nothing; a change does', async () => {
	const { watchersHere, annIs, watchedWithAnn, beat, later } = setup();
	await watchedWithAnn();
	for (let heartbeat = 0; heartbeat < 3; heartbeat++) {
		later(HEARTBEAT_MS);
		await annIs('connected');
		await beat();
	}
	expect(watchersHere).toEqual([]);

	await annIs('away');
	await beat();
	expect(annIn(watchersHere)).toEqual(['away']);
	expect(watchersHere).toHaveLength(1);
});

test('[S8, S27] heartbeats send the watchers here someone gone again after being back elsewhere, unseen here', async () => {
	const { watchersHere, annIs, watchedWithAnn, beat, goStale } = setup();
	await watchedWithAnn();
	goStale();
	await beat();
	expect(annIn(watchersHere)).toEqual(['gone']);

	// Ann back through another instance, which sends its roster itself, and stops before a beat here.
	await annIs('connected');
	goStale();
	await beat();
	expect(watchersHere).toHaveLength(2);
	expect(annIn(watchersHere)).toEqual(['gone']);
	expect(watchersHere[1]?.version).toBeGreaterThan(watchersHere[0]?.version ?? Infinity);
});

test('[S8] heartbeats send the watchers here nothing for rooms joined here, sent to everyone already', async () => {
	const { broadcasts, watchersHere, watchedWithAnn, goStale } = setup();
	await watchedWithAnn();
	goStale();
	await broadcasts.beatWatchers(new Set(['room']));
	expect(watchersHere).toEqual([]);
});

test('[S8] a room whose watchers here left is forgotten: watched again, heartbeats follow it again', async () => {
	const { watchersHere, channelsHere, annIs, watch, watchedWithAnn, beat } = setup();
	await watchedWithAnn();
	channelsHere.clear();
	await beat();

	channelsHere.add(roomChannel('room'));
	await annIs('away');
	await beat();
	expect(watchersHere).toEqual([]);
	await watch();
	await annIs('connected');
	await beat();
	expect(annIn(watchersHere)).toEqual(['connected']);
});

test('[S8] a heartbeat that cannot read this instance’s channels logs it and does not fail; the room stays watched', async () => {
	const warn = vi.spyOn(log.socket, 'warn').mockImplementation(() => {});
	onTestFinished(() => warn.mockRestore());
	const { watchersHere, adapter, watchedWithAnn, beat, goStale } = setup();
	await watchedWithAnn();
	adapter.down = true;
	await expect(beat()).resolves.toBeUndefined();
	expect(warn).toHaveBeenCalledWith(
		expect.objectContaining({ roomId: 'room' }),
		'roster refresh failed'
	);

	adapter.down = false;
	goStale();
	await beat();
	expect(annIn(watchersHere)).toEqual(['gone']);
});

test('sends to everyone a roster whose entries changed, or when forced', async () => {
	const { broadcasts, everyone, annIs, later } = setup();
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
});

test('a roster sent to the watchers here is still sent to everyone: the other instances did not hear it', async () => {
	const { broadcasts, everyone, watchersHere, watchedWithAnn, beat, goStale } = setup();
	await watchedWithAnn();
	await broadcasts.send('room');
	goStale();
	await beat();
	expect(annIn(watchersHere)).toEqual(['gone']);
	await broadcasts.send('room');
	expect(annIn(everyone)).toEqual(['gone']);
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
