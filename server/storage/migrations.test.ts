import { describe, expect, test } from 'vitest';
import { latestVersion, planMigrations, StoredDataTooNewError } from './migrations';

const one = { version: 1, name: 'one' };
const three = { version: 3, name: 'three' };
const steps = [one, { version: 2, name: 'two' }, three];

describe('planning schema migrations', () => {
	test('data from before versioning (version 0) runs every step, in order', () => {
		expect(planMigrations(0, steps)).toEqual({ kind: 'upgrade', steps });
	});

	test('data at an older version runs only the steps after it', () => {
		expect(planMigrations(1, steps)).toEqual({ kind: 'upgrade', steps: steps.slice(1) });
	});

	test('data at the latest version runs nothing', () => {
		expect(planMigrations(3, steps)).toEqual({ kind: 'current' });
	});

	test('data from a newer release is refused, not touched', () => {
		expect(planMigrations(4, steps)).toEqual({ kind: 'too-new' });
	});

	test('steps numbered out of order are a mistake in this release, caught before anything runs', () => {
		expect(() => planMigrations(0, [one, three])).toThrow(/numbered 3, not 2/);
	});

	test('the latest version is the last step’s, 0 without any', () => {
		expect(latestVersion(steps)).toBe(3);
		expect(latestVersion([])).toBe(0);
	});

	test('the refusal names what holds the data, both versions and where to read more', () => {
		const message = new StoredDataTooNewError('The database d.sqlite', 7, 3).message;
		expect(message).toContain('The database d.sqlite has schema version 7');
		expect(message).toContain('reads up to version 3');
		expect(message).toContain('docs/operations.md');
	});
});
