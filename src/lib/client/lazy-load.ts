import type { Component } from 'svelte';

/**
 * Fetches a component's code: `() => import('./X.svelte')`, written where the component is
 * named, so the bundler gives it its own chunk. Keep each loader in a module-level constant: the
 * loader is the key under which its component is remembered.
 */
export type ComponentLoader<P extends Record<string, unknown>> = () => Promise<{
	default: Component<P>;
}>;

// Loaders of any props share these maps; `loadComponent` gives each its own type back.
type AnyLoader = () => Promise<{ default: unknown }>;
const loaded = new Map<AnyLoader, unknown>();
const pending = new Map<AnyLoader, Promise<unknown>>();

/**
 * The component `load` fetches, fetched once: a second caller shares the first one's request.
 * A failed request is forgotten, so the next call (a retry) asks the network again.
 */
export function loadComponent<P extends Record<string, unknown>>(
	load: ComponentLoader<P>
): Promise<Component<P>> {
	const known = loadedComponent(load);
	if (known) return Promise.resolve(known);
	const waiting = pending.get(load) as Promise<Component<P>> | undefined;
	if (waiting) return waiting;
	const request = load().then(
		(module) => {
			loaded.set(load, module.default);
			pending.delete(load);
			return module.default;
		},
		(error: unknown) => {
			pending.delete(load);
			throw error;
		}
	);
	pending.set(load, request);
	return request;
}

/** The component `load` fetches, if it has arrived: shown at once, without a loading frame. */
export function loadedComponent<P extends Record<string, unknown>>(
	load: ComponentLoader<P>
): Component<P> | undefined {
	return loaded.get(load) as Component<P> | undefined;
}

/**
 * Fetches `load`'s component once the browser is idle, so it is there before it is shown (the
 * next phase's tool: a phase change never waits on the network). A failure is left for the view
 * to meet and offer a retry. Answers a function that cancels a fetch not yet begun.
 */
export function preloadWhenIdle<P extends Record<string, unknown>>(
	load: ComponentLoader<P>
): () => void {
	if (loadedComponent(load)) return () => {};
	const fetch = () => void loadComponent(load).catch(() => {});
	if (typeof requestIdleCallback === 'function') {
		// The timeout bounds the wait on a page that is never idle for long.
		const id = requestIdleCallback(fetch, { timeout: 2000 });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(fetch, 200);
	return () => clearTimeout(id);
}
