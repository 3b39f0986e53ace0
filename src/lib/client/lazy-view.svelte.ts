import type { Component } from 'svelte';
import { loadComponent, loadedComponent, type ComponentLoader } from './lazy-load';

/** Where a lazily loaded part of the page stands. */
export type LazyState<P extends Record<string, unknown>> =
	{ status: 'loading' } | { status: 'ready'; component: Component<P> } | { status: 'failed' };

/** One lazily loaded part of the page: loading, ready, or failed with a retry. */
export class LazyView<P extends Record<string, unknown>> {
	#load: ComponentLoader<P>;
	state = $state<LazyState<P>>({ status: 'loading' });

	constructor(load: ComponentLoader<P>) {
		this.#load = load;
		const known = loadedComponent(load);
		if (known) this.state = { status: 'ready', component: known };
	}

	/** Fetches the component unless it is here; a failure leaves the view `failed`. */
	start = async (): Promise<void> => {
		if (this.state.status === 'ready') return;
		this.state = { status: 'loading' };
		try {
			this.state = { status: 'ready', component: await loadComponent(this.#load) };
		} catch {
			this.state = { status: 'failed' };
		}
	};
}
