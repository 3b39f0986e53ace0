import type { BackSignal } from './connection-back.svelte';

/** A `BackSignal` that says the server is back when the test says (`back`), to whoever listens. */
export function heldBackSignal() {
	const listening = new Set<() => void>();
	/** Whether each listening began with `now` (checking at once), in order. */
	const checkedNow: boolean[] = [];
	const signal: BackSignal = (onBack, options) => {
		listening.add(onBack);
		checkedNow.push(options?.now ?? false);
		return () => listening.delete(onBack);
	};
	const back = () => {
		for (const onBack of [...listening]) onBack();
	};
	return { signal, listening, checkedNow, back };
}
