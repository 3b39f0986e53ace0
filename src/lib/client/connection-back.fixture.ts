import type { BackSignal } from './connection-back.svelte';

/** A `BackSignal` that says the server is back when the test says (`back`), to whoever listens. */
export function heldBackSignal() {
	const listening = new Set<() => void>();
	const signal: BackSignal = (onBack) => {
		listening.add(onBack);
		return () => listening.delete(onBack);
	};
	const back = () => {
		for (const onBack of [...listening]) onBack();
	};
	return { signal, listening, back };
}
