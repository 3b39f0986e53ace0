import { vi } from 'vitest';

/**
 * A browser's local storage holding `entries`, enumerable as the real one is (`length`, `key`),
 * in place of the global one until the test unstubs it; answers the map behind it.
 */
export function storage(entries: Record<string, string>): Map<string, string> {
	const stored = new Map(Object.entries(entries));
	vi.stubGlobal('localStorage', {
		get length() {
			return stored.size;
		},
		key: (index: number) => [...stored.keys()][index] ?? null,
		getItem: (key: string) => stored.get(key) ?? null,
		setItem: (key: string, value: string) => stored.set(key, value),
		removeItem: (key: string) => stored.delete(key)
	});
	return stored;
}
