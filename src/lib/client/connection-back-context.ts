import { getContext, setContext } from 'svelte';
import type { ConnectionBack } from './connection-back.svelte';

const KEY = Symbol('connection-back');

/** Makes `back` what this component and everything inside it learn the server's return from. */
export function setConnectionBack(back: ConnectionBack): ConnectionBack {
	return setContext(KEY, back);
}

/** What the nearest component that set one learns the server's return from. */
export function getConnectionBack(): ConnectionBack {
	const back = getContext<ConnectionBack | undefined>(KEY);
	if (!back) throw new Error('No connection-back context: the layout sets it above every page.');
	return back;
}

/** The context map a component test renders with, to give it `back`. */
export function connectionBackContextMap(back: ConnectionBack): Map<symbol, ConnectionBack> {
	return new Map([[KEY, back]]);
}
