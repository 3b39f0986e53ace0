import { describe, expect, test } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('nestsDeeperThan', () => {
	test('counts objects and arrays inside one another up to the limit', () => {
		expect(nestsDeeperThan(nested(3), 3)).toBe(false);
		expect(nestsDeeperThan(nested(4), 3)).toBe(true);
		expect(nestsDeeperThan('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
		expect(nestsDeeperThan('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
	});

	test('siblings add no depth', () => {
		expect(nestsDeeperThan('[[],[],{},{"a":[]}]', 3)).toBe(false);
	});

	test('brackets inside strings, escaped quotes included, do not count', () => {
		expect(nestsDeeperThan('{"a":"[[[{{{"}', 1)).toBe(false);
		expect(nestsDeeperThan('{"a":"\\"[[[","b":"\\\\"}', 1)).toBe(false);
		expect(nestsDeeperThan('{"a":"\\\\","b":[[]]}', 2)).toBe(true);
	});

	test('a hostile body of 5,000 levels is caught without parsing it', () => {
		const body = '{"phases":' + '['.repeat(5_000) + ']'.repeat(5_000) + '}';
		expect(nestsDeeperThan(body, MAX_JSON_DEPTH)).toBe(true);
	});

	test('the limit leaves room for a real playbook', async () => {
		const { builtInPlaybooks } = await import('../../src/lib/playbooks/library');
		for (const playbook of builtInPlaybooks) {
			expect(nestsDeeperThan(JSON.stringify(playbook), MAX_JSON_DEPTH / 2)).toBe(false);
		}
	});
});
