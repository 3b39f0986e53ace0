import { untrack } from 'svelte';

/**
 * Keeps keyboard focus where it was when `order` changes: a keyed each that reorders its parts
 * moves their elements, and the browser takes focus out of a moved element, to the page body.
 * A part that is rebuilt in another place instead (on a phone, the call card changes section)
 * takes its old element with it: `rebuilt` then gets that element, and the order it left, to give
 * focus to the new part. Given `within`, only focus inside that element is kept: focus elsewhere,
 * gone in the same change, is not the part's to take. Call it while a component initialises,
 * before the markup that moves.
 */
export function keepFocusAcross<T>(
	order: () => T,
	rebuilt?: (gone: Element, before: T) => void,
	within?: () => Element | undefined
): void {
	let focused: Element | null = null;
	let last: { order: T } | undefined;
	// Before the page changes: what has focus now.
	$effect.pre(() => {
		order();
		const active = document.activeElement;
		focused = within && !untrack(within)?.contains(active) ? null : active;
	});
	// After: if focus fell to the body, what had it gets it back if still on the page. Only a new
	// order runs this: what `rebuilt` reads (the room, the section shown) changing does not, and
	// what had focus is handed on once.
	$effect(() => {
		const now = order();
		untrack(() => {
			const before = last;
			last = { order: now };
			const was = focused;
			focused = null;
			if (!before || !(was instanceof HTMLElement) || !focusLost()) return;
			if (was.isConnected) was.focus();
			else rebuilt?.(was, before.order);
		});
	});
}

/** Focus fell to the page body (or nowhere). */
const focusLost = (): boolean =>
	document.activeElement === null || document.activeElement === document.body;
