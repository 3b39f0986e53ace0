import { expect, test } from 'vitest';
import { idRefs } from './aria';

test('an id list keeps the ids given, in order, and skips the absent', () => {
	expect(idRefs('held', undefined, 'kept')).toBe('held kept');
	expect(idRefs(undefined, 'kept')).toBe('kept');
});

test('an id list of no ids is no attribute at all, not an empty one', () => {
	expect(idRefs(undefined, '')).toBeUndefined();
	expect(idRefs()).toBeUndefined();
});
