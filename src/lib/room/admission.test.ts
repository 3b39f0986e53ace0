import { describe, expect, test } from 'vitest';
import type { Participant } from '../protocol/presence';
import { admissionRefusal } from './admission';
import { settleRoom } from './room-rules';
import { ana, apply, ben, cy, hosted, plan, start, T0 } from './room-rules.fixture';

describe('who may join', () => {
	const person = (n: number, status: Participant['status'] = 'connected'): Participant => ({
		participantId: `person-${String(n).padStart(4, '0')}`,
		name: `P${n}`,
		roleId: 'listener',
		status,
		seenAt: T0
	});
	const twelve = Array.from({ length: 12 }, (_, n) => person(n));

	test('a room holds twelve people; the thirteenth is told it is full', () => {
		expect(admissionRefusal(start, twelve.slice(0, 11), 'person-0099')).toBeUndefined();
		expect(admissionRefusal(start, twelve, 'person-0099')).toMatchObject({ code: 'room_full' });
		// Someone already here (a reload) and seats freed by people who left do not count against it.
		expect(admissionRefusal(start, twelve, 'person-0003')).toBeUndefined();
		const oneGone = [...twelve.slice(0, 11), person(11, 'gone')];
		expect(admissionRefusal(start, oneGone, 'person-0099')).toBeUndefined();
	});

	test('a locked room lets back only the people here when it was locked', () => {
		// Ana locks with Ben here; Cy joined earlier but had left (a removed person's new identity).
		const present = [ana, ben];
		const locked = apply(
			{ ...hosted, people: { [cy]: { name: 'Cy', roleId: 'speaker' } } },
			{ type: 'host.lock-room', locked: true },
			ana,
			present
		);
		expect(locked.lockedWith).toEqual([ana, ben]);
		expect(admissionRefusal(locked, [], ben)).toBeUndefined();
		expect(admissionRefusal(locked, [], cy)).toMatchObject({ code: 'room_locked' });
		// Locking again changes nothing; unlocking lets anyone in, and forgets who was here.
		expect(apply(locked, { type: 'host.lock-room', locked: true }, ana, [ana])).toBe(locked);
		const open = apply(locked, { type: 'host.lock-room', locked: false });
		expect(open).toMatchObject({ roomLocked: false, lockedWith: [] });
		expect(admissionRefusal(open, [], cy)).toBeUndefined();
		// The host's role lapsing opens the room the same way.
		expect(settleRoom(locked, plan, [ben], T0)).toMatchObject({
			roomLocked: false,
			lockedWith: []
		});
	});

	test('someone removed is not among those a lock lets back', () => {
		const removed = apply(hosted, { type: 'host.remove', participantId: cy });
		expect(apply(removed, { type: 'host.lock-room', locked: true }).lockedWith).toEqual([ana, ben]);
	});

	test('a room locked before the list of who was here existed lets back everyone who joined', () => {
		const locked = {
			...start,
			roomLocked: true,
			people: { [ana]: { name: 'Ana', roleId: 'speaker' } }
		};
		expect(admissionRefusal(locked, [], ana)).toBeUndefined();
		expect(admissionRefusal(locked, [], ben)).toMatchObject({ code: 'room_locked' });
	});

	test('someone removed cannot join again', () => {
		expect(admissionRefusal({ ...start, removed: [cy] }, [], cy)).toMatchObject({
			code: 'removed'
		});
	});
});
