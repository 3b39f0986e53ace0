import type { Component } from 'svelte';
import type { ComponentLoader } from './lazy-load';

type Props = { word: string };
/** A stand-in component. */
export const Part: Component<Props> = () => ({});

/** A loader that fails its first `failures` calls (a flaky link), counting every call. */
export function flaky(failures: number): ComponentLoader<Props> & { calls: number } {
	const load = Object.assign(
		() => {
			load.calls += 1;
			return load.calls <= failures
				? Promise.reject(new Error('Failed to fetch dynamically imported module'))
				: Promise.resolve({ default: Part });
		},
		{ calls: 0 }
	);
	return load;
}
