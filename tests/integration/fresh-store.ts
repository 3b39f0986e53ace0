import { afterEach, beforeEach } from 'vitest';

/** A store under test and how to close its connection afterwards. */
export interface Opened<T> {
	store: T;
	close(): Promise<void> | void;
}

/** Opens a fresh store before each test and closes it after; answers how to reach it. */
export function freshStore<T>(open: () => Promise<Opened<T>>): () => T {
	let opened: Opened<T> | undefined;
	beforeEach(async () => {
		opened = await open();
	});
	afterEach(() => opened?.close());
	return () => {
		if (!opened) throw new Error('the store opens before each test');
		return opened.store;
	};
}
