import type { ConnectionBack } from './connection-back.svelte';
import { typedContext } from './typed-context';

/**
 * What this component and everything inside it learn the server's return from: the layout sets
 * it above every page (`setConnectionBack`); `connectionBackContextMap` gives a component test one.
 */
export const {
	set: setConnectionBack,
	get: getConnectionBack,
	testMap: connectionBackContextMap
} = typedContext<ConnectionBack>('connection-back', 'the layout sets it above every page');
