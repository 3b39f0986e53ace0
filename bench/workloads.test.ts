import { expect, test } from 'vitest';
import { instanceOf } from './workloads';

test('on two instances, every receiver is on the other instance from its room’s typist', () => {
	for (const room of [0, 1, 2, 3]) {
		const typist = instanceOf(room, 0) % 2;
		for (const person of [1, 2, 3]) expect(instanceOf(room, person) % 2).not.toBe(typist);
	}
});

test('typists alternate between the two instances room by room', () => {
	expect([0, 1, 2, 3].map((room) => instanceOf(room, 0) % 2)).toEqual([0, 1, 0, 1]);
});
