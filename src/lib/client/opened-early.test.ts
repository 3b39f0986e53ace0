import { describe, expect, test } from 'vitest';
import { OpenedEarly, type EarlySession } from './opened-early';

class FakeSession implements EarlySession {
	destroyed = false;
	constructor(readonly roomId: string) {}
	destroy(): void {
		this.destroyed = true;
	}
}

const opener = () => {
	const opened: FakeSession[] = [];
	return {
		opened,
		open: (roomId: string) => {
			const session = new FakeSession(roomId);
			opened.push(session);
			return session;
		}
	};
};

describe('OpenedEarly', () => {
	test('hands the session opened early to the page of its room, open', () => {
		const early = new OpenedEarly<FakeSession>();
		const { opened, open } = opener();
		early.open('room-a', open);
		const taken = early.take('room-a');
		expect(taken).toBe(opened[0]);
		expect(taken?.destroyed).toBe(false);
	});

	test('hands it over once: a second page of the same room opens its own', () => {
		const early = new OpenedEarly<FakeSession>();
		early.open('room-a', opener().open);
		early.take('room-a');
		expect(early.take('room-a')).toBeUndefined();
	});

	test('closes a session opened for another room than the page asks for', () => {
		const early = new OpenedEarly<FakeSession>();
		const { opened, open } = opener();
		early.open('room-a', open);
		expect(early.take('room-b')).toBeUndefined();
		expect(opened[0]?.destroyed).toBe(true);
	});

	test('opens nothing once the page has asked, so no session is left that nobody takes', () => {
		const early = new OpenedEarly<FakeSession>();
		const { opened, open } = opener();
		expect(early.take('room-a')).toBeUndefined();
		early.open('room-a', open);
		expect(opened).toHaveLength(0);
	});

	test('opens one session however often start-up asks', () => {
		const early = new OpenedEarly<FakeSession>();
		const { opened, open } = opener();
		early.open('room-a', open);
		early.open('room-a', open);
		expect(opened).toHaveLength(1);
	});
});
