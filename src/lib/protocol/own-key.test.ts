import { expect, test } from 'vitest';
import { ownValue } from './own-key';

test('a key the record holds gives its value; a name every object has gives nothing', () => {
	const windows: Record<string, number> = { story: 3_600_000 };
	expect(ownValue(windows, 'story')).toBe(3_600_000);
	expect(ownValue(windows, 'constructor')).toBeUndefined();
	expect(ownValue(windows, '__proto__')).toBeUndefined();
	expect(ownValue({ constructor: 'Say what you heard' }, 'constructor')).toBe('Say what you heard');
	expect(ownValue(undefined, 'story')).toBeUndefined();
});
