import { describe, expect, test } from 'vitest';
import { holdAfterMove, isHeld, OTHER_MOVE_HOLD_MS, OWN_MOVE_HOLD_MS } from './phase-hold';

const names: Record<string, string> = { 'ana-0001': 'Ana', 'ben-0001': 'Ben' };
const nameOf = (id: string) => names[id];
const seen = (movedBy: string | null, seenAt = 10_000) =>
	holdAfterMove({ movedBy, phaseTitle: 'Tell the story', seenAt }, 'ben-0001', nameOf);

describe('holding Next and Previous after a move (issue 19.2)', () => {
	test('after someone else’s move the moves wait about a second and a half, naming who moved', () => {
		const hold = seen('ana-0001');
		expect(hold.announcement).toBe('Ana moved to Tell the story');
		expect(hold.mover).toBe('Ana');
		expect(hold.reason).toMatch(/^Ana moved to Tell the story\. Next and Previous wait/);
		expect(OTHER_MOVE_HOLD_MS).toBe(1_500);
		expect(isHeld(hold, 10_300)).toBe(true);
		expect(isHeld(hold, 11_000)).toBe(true);
		expect(isHeld(hold, 11_499)).toBe(true);
		expect(isHeld(hold, 11_500)).toBe(false);
		expect(isHeld(hold, 12_000)).toBe(false);
	});

	test('after one’s own move the rest is shorter and names nobody', () => {
		const hold = seen('ben-0001');
		expect(hold).toMatchObject({ mover: undefined, announcement: 'You moved to Tell the story' });
		expect(isHeld(hold, 10_000 + OWN_MOVE_HOLD_MS - 1)).toBe(true);
		expect(isHeld(hold, 10_000 + OWN_MOVE_HOLD_MS)).toBe(false);
	});

	test('a room that moved on by itself (everyone ready) holds everyone', () => {
		const hold = seen(null);
		expect(hold.announcement).toBe('Everyone was ready: on to Tell the story');
		expect(isHeld(hold, 11_000)).toBe(true);
	});

	test('a mover no longer on record is someone', () => {
		expect(seen('cy-00001').announcement).toBe('Someone moved to Tell the story');
	});

	test('no move, no hold', () => {
		expect(isHeld(undefined, 0)).toBe(false);
	});
});
