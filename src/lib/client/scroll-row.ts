/** An element's left and right edges, in pixels from the viewport's left. */
export interface Edges {
	left: number;
	right: number;
}

/**
 * How many pixels a sideways row must scroll (to add to its `scrollLeft`) for `item` to lie
 * wholly within `visible`, moving no further than that; an item wider than `visible` is shown from
 * its left edge. `scrollLeft` grows as the view moves right whichever way the text runs, so this
 * holds for a row right to left too.
 */
export function scrollToShow(visible: Edges, item: Edges): number {
	if (item.left < visible.left) return item.left - visible.left;
	if (item.right > visible.right) {
		return Math.min(item.right - visible.right, item.left - visible.left);
	}
	return 0;
}

/**
 * Scrolls the row holding `item` sideways, and only that row, until the item is wholly inside
 * the row's padding. `scrollIntoView` would scroll the page as well: a take someone else started
 * must not move the page from under the line a person is reading.
 */
export function showInRow(item: HTMLElement): void {
	const row = item.parentElement;
	if (!row) return;
	const style = getComputedStyle(row);
	const left = row.getBoundingClientRect().left + row.clientLeft;
	const visible = {
		left: left + parseFloat(style.paddingLeft),
		right: left + row.clientWidth - parseFloat(style.paddingRight)
	};
	row.scrollLeft += scrollToShow(visible, item.getBoundingClientRect());
}
