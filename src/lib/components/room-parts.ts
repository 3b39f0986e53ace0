import type { ComponentLoader } from '$lib/client/lazy-load';
import type { ComponentProps } from 'svelte';
import type HostPanel from './HostPanel.svelte';
import type SessionClosing from './journal/SessionClosing.svelte';

/*
 * Parts of the joined room that its first screen does not show, some of them rarely or late: each
 * is its own chunk, with its messages, fetched when shown (or, for the closing, on the step
 * before). The joined room itself is loaded by the room page (its loader is there), phase tools
 * by their own registry (`phase-tools.ts`).
 */

/** The host's card: only in a room someone hosts or locked. */
export const loadHostPanel: ComponentLoader<ComponentProps<typeof HostPanel>> = () =>
	import('./HostPanel.svelte');

/** The journal's closing (reflection, shout-outs): only at the last step. */
export const loadSessionClosing: ComponentLoader<ComponentProps<typeof SessionClosing>> = () =>
	import('./journal/SessionClosing.svelte');
