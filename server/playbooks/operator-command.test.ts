import { describe, expect, test } from 'vitest';
import { parseOperatorCommand } from './operator-command';

describe('operator playbook commands', () => {
	test('hide, show and delete take one id; count and hidden take none', () => {
		expect(parseOperatorCommand(['hide', 'flood-1'])).toEqual({ type: 'hide', id: 'flood-1' });
		expect(parseOperatorCommand(['show', 'flood-1'])).toEqual({ type: 'show', id: 'flood-1' });
		expect(parseOperatorCommand(['delete', 'flood-1'])).toEqual({ type: 'delete', id: 'flood-1' });
		expect(parseOperatorCommand(['count'])).toEqual({ type: 'count' });
		expect(parseOperatorCommand(['hidden'])).toEqual({ type: 'hidden' });
	});

	test('anything else is not a command', () => {
		for (const args of [
			[],
			['hide'],
			['hide', ''],
			['hide', 'a', 'b'],
			['count', 'a'],
			['hidden', 'a'],
			['drop', 'a']
		]) {
			expect(parseOperatorCommand(args)).toBeUndefined();
		}
	});
});
