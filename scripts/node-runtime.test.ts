import { expect, test } from 'vitest';
import { isAtLeast, MINIMUM_NODE, parseVersion, tooOldMessage } from './node-runtime.js';

test('reads a version with or without its leading v', () => {
	expect(parseVersion('v20.20.2')).toEqual([20, 20, 2]);
	expect(parseVersion('22.13.0')).toEqual([22, 13, 0]);
	expect(parseVersion('24')).toEqual([24, 0, 0]);
});

test('the minimum is 22.13: the first Node with node:sqlite unflagged', () => {
	expect(MINIMUM_NODE).toBe('22.13.0');
	expect(isAtLeast('v22.13.0')).toBe(true);
	expect(isAtLeast('v22.12.0')).toBe(false);
	expect(isAtLeast('v20.20.2')).toBe(false);
	expect(isAtLeast('v23.0.0')).toBe(true);
	expect(isAtLeast('v24.21.0')).toBe(true);
});

test('compares part by part, not as text', () => {
	expect(isAtLeast('v22.9.0', '22.13.0')).toBe(false);
	expect(isAtLeast('v100.0.0', '22.13.0')).toBe(true);
	expect(isAtLeast('v22.13.1', '22.13.2')).toBe(false);
});

test('the too-old message is one sentence naming the version and the way out', () => {
	const message = tooOldMessage('v20.20.2');
	expect(message).toContain('v20.20.2');
	expect(message).toContain('22.13.0');
	expect(message).toContain('npm install');
	expect(message).not.toContain('\n');
});
