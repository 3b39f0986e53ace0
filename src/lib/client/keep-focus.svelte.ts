/**
 * Keeps keyboard focus where it was when `order` changes: a keyed each that reorders its parts
 * moves their elements, and the browser takes focus out of a moved element, to the page body.
 * Call it while a component initialises, before the markup that moves.
 */
export function keepFocusAcross(order: () => unknown): void {
	let focused: Element | null = null;
	let moves = 0;
	// Before the page changes: what has focus now.
	$effect.pre(() => {
		order();
		focused = document.activeElement;
	});
	// After: if focus fell to the body, and what had it is still on the page, it goes back there.
	$effect(() => {
		order();
		if (moves++ === 0) return;
		const lost = document.activeElement === null || document.activeElement === document.body;
		if (lost && focused instanceof HTMLElement && focused.isConnected) focused.focus();
	});
}
