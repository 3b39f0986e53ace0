import { createSubscriber } from 'svelte/reactivity';

/** Any Yjs shared type (Y.Text, Y.Map, Y.Array…). */
interface DeepObservable {
	observeDeep(listener: () => void): void;
	unobserveDeep(listener: () => void): void;
}

/**
 * A reactive view of a Yjs type: reading `current` inside an effect or template re-runs it
 * whenever the type or anything nested in it changes, local or remote. `read` runs on every
 * access, so wrap `current` in `$derived` where it is read more than once.
 */
export function yReadable<T>(type: DeepObservable, read: () => T): { readonly current: T } {
	const subscribe = createSubscriber((update) => {
		type.observeDeep(update);
		return () => type.unobserveDeep(update);
	});
	return {
		get current() {
			subscribe();
			return read();
		}
	};
}
