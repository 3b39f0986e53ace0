import { describe, expect, test } from 'vitest';
import { loadComponent } from './lazy-load';
import { flaky, Part } from './lazy-load.fixture';
import { LazyView } from './lazy-view.svelte';

describe('a lazily loaded part', () => {
	test('is loading until its code arrives, then ready', async () => {
		const view = new LazyView(flaky(0));
		expect(view.state.status).toBe('loading');
		await view.start();
		expect(view.state).toEqual({ status: 'ready', component: Part });
	});

	test('fails visibly when the code does not arrive, and a retry brings it', async () => {
		const load = flaky(1);
		const view = new LazyView(load);
		await view.start();
		expect(view.state.status).toBe('failed');
		const retry = view.start();
		expect(view.state.status).toBe('loading');
		await retry;
		expect(view.state.status).toBe('ready');
	});

	test('is ready from the start when its code came before (a preload): no loading frame', async () => {
		const load = flaky(0);
		await loadComponent(load);
		const view = new LazyView(load);
		expect(view.state.status).toBe('ready');
		await view.start();
		expect(load.calls).toBe(1);
	});
});
