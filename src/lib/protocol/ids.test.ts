import { describe, expect, test } from 'vitest';
import { participantIdSchema } from './ids';

describe('participant ids', () => {
	test('an object’s own property names are refused: they would break the records they key', () => {
		for (const id of ['constructor', '__proto__', 'hasOwnProperty', 'toString']) {
			expect(participantIdSchema.safeParse(id).success, id).toBe(false);
		}
		expect(participantIdSchema.safeParse('a1b2c3d4e5f6').success).toBe(true);
	});
});
