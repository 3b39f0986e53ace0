import { describe, expect, test } from 'vitest';
import { flaky, Part } from './lazy-load.fixture';
import { loadComponent, loadedComponent } from './lazy-load';

describe('loading a part of the page', () => {
	test('fetches once however many ask at the same time, and keeps what came', async () => {
		const load = flaky(0);
		expect(loadedComponent(load)).toBeUndefined();
		const [first, second] = await Promise.all([loadComponent(load), loadComponent(load)]);
		expect(first).toBe(Part);
		expect(second).toBe(Part);
		expect(await loadComponent(load)).toBe(Part);
		expect(load.calls).toBe(1);
		expect(loadedComponent(load)).toBe(Part);
	});

	test('forgets a failed fetch, so a retry asks the network again', async () => {
		const load = flaky(1);
		await expect(loadComponent(load)).rejects.toThrow('Failed to fetch');
		expect(await loadComponent(load)).toBe(Part);
		expect(load.calls).toBe(2);
	});
});
