import { expect, test } from 'vitest';
import { autonym } from './autonym';

test('names each language in itself, capitalised as a list entry', () => {
	expect(autonym('en')).toBe('English');
	expect(autonym('de')).toBe('Deutsch');
	expect(autonym('es')).toBe('Español');
});
