/**
 * Work on this page that a reload would lose and that is not worth keeping in the browser (a
 * voice take), or not kept yet (a match rating not saved, hours typed for a room not started, a
 * playbook, reflection, shout-out, check-in or pulse being written, a plan or pairing card changed).
 * Whatever holds it says so here while it lives; the language switcher, which reloads, asks first.
 */
const holders = new Set<() => boolean>();

/** Counts `unsaved` among the page's work until the answered function is called. */
export function holdUnsavedWork(unsaved: () => boolean): () => void {
	holders.add(unsaved);
	return () => holders.delete(unsaved);
}

/** Whether anything on the page holds work a reload would lose. */
export const hasUnsavedWork = (): boolean => [...holders].some((unsaved) => unsaved());
