import { describe, expect, test } from 'vitest';
import { participantIdSchema, phaseIdSchema, roleIdSchema } from './ids';

describe('participant ids', () => {
	test('an object’s own property names are refused: they would break the records they key', () => {
		for (const id of ['constructor', '__proto__', 'hasOwnProperty', 'toString']) {
			expect(participantIdSchema.safeParse(id).success, id).toBe(false);
		}
		expect(participantIdSchema.safeParse('a1b2c3d4e5f6').success).toBe(true);
	});
});

describe('phase and role ids', () => {
	test('"constructor" is refused: schema records inherit it, so a lookup by that id finds a function', () => {
		for (const schema of [phaseIdSchema, roleIdSchema]) {
			expect(schema.safeParse('constructor').success).toBe(false);
			expect(schema.safeParse('listener').success).toBe(true);
		}
	});
});
