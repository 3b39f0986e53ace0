import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Participant } from '../../src/lib/protocol/presence';
import { LeaveGraces } from './leave-graces';

const GRACE_MS = 1_000;

const tab = (participantId: string, name = participantId): Participant => ({
	participantId,
	name,
	roleId: 'player',
	status: 'connected',
	seenAt: 0
});

describe('the leave graces under way on this instance', () => {
	let graces: LeaveGraces;
	/** Who each grace that ended by itself was for, in order. */
	let ended: string[];
	const start = (roomId: string, who: Participant) =>
		graces.start(roomId, who, () => ended.push(`${roomId}/${who.name}`));
	const held = () => [...graces.tabs()].map(({ roomId, tab }) => `${roomId}/${tab.name}`);

	beforeEach(() => {
		vi.useFakeTimers();
		graces = new LeaveGraces(GRACE_MS);
		ended = [];
	});
	afterEach(() => {
		graces.clear();
		vi.useRealTimers();
	});

	test('a grace ends by itself after its time, and no longer holds their tab', () => {
		start('room-a', tab('ann'));
		start('room-b', tab('ann'));
		expect(held()).toEqual(['room-a/ann', 'room-b/ann']);
		vi.advanceTimersByTime(GRACE_MS - 1);
		expect(ended).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(ended).toEqual(['room-a/ann', 'room-b/ann']);
		expect(held()).toEqual([]);
	});

	test('starting a grace again ends the one before: one grace, the latest, counted from its start', () => {
		start('room-a', tab('ann', 'first tab'));
		vi.advanceTimersByTime(GRACE_MS / 2);
		start('room-a', tab('ann', 'second tab'));
		expect(held()).toEqual(['room-a/second tab']);
		vi.advanceTimersByTime(GRACE_MS - 1);
		expect(ended).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(ended).toEqual(['room-a/second tab']);
	});

	test('ended graces never end by themselves: one person, one room, or all', () => {
		start('room-a', tab('ann'));
		start('room-a', tab('bo'));
		start('room-b', tab('cy'));
		start('room-c', tab('dee'));
		graces.end('room-a', 'ann');
		graces.end('room-a', 'nobody');
		expect(held()).toEqual(['room-a/bo', 'room-b/cy', 'room-c/dee']);
		graces.endRoom('room-b');
		expect(held()).toEqual(['room-a/bo', 'room-c/dee']);
		graces.clear();
		expect(held()).toEqual([]);
		vi.advanceTimersByTime(GRACE_MS);
		expect(ended).toEqual([]);
	});
});
