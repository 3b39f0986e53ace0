import type { ComponentLoader } from '$lib/client/lazy-load';
import type { ComponentProps } from 'svelte';
import type HostPanel from './HostPanel.svelte';
import type JoinedRoom from './JoinedRoom.svelte';
import type SessionClosing from './journal/SessionClosing.svelte';

/*
 * Parts of the room page that the first screen does not show, some of them rarely or late: each is its own chunk, with
 * its messages, fetched when shown (or, for the closing, on the step before). Phase tools have
 * their own registry (`phase-tools.ts`).
 */

/** The room as a joined person sees it; the page shows its join form or news until then. */
export const loadJoinedRoom: ComponentLoader<ComponentProps<typeof JoinedRoom>> = () =>
	import('./JoinedRoom.svelte');

/** The host's card: only in a room someone hosts or locked. */
export const loadHostPanel: ComponentLoader<ComponentProps<typeof HostPanel>> = () =>
	import('./HostPanel.svelte');

/** The journal's closing (reflection, shout-outs): only at the last step. */
export const loadSessionClosing: ComponentLoader<ComponentProps<typeof SessionClosing>> = () =>
	import('./journal/SessionClosing.svelte');
