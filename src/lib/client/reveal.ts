/**
 * Scrolls `element` into sight, by the least distance, when any of it is out of sight: words
 * that answer a press, put beside the control pressed, may land below the fold on a phone.
 * Focus stays where it is. A wholly visible element stays put ('nearest' moves nothing then),
 * and so does a hidden one (it has no box to show).
 */
export function revealNearby(element: Element): void {
	element.scrollIntoView({ block: 'nearest' });
}
