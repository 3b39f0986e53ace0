/** Something that can take keyboard focus: an element in the browser. */
export interface Focusable {
	focus(): void;
}

/** Frames a replacement view gets to appear: the state change that shows it may still be on its way. */
export const RENDER_FRAMES = 10;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Focuses what `find` answers as soon as it is rendered, looking again on each of the next
 * `frames` animation frames; then focuses `fallback` instead, so that focus does not fall to the
 * page body when the view that held it has gone.
 */
export async function focusWhenRendered(
	find: () => Focusable | null | undefined,
	fallback: () => Focusable | null | undefined,
	frames = RENDER_FRAMES,
	waitFrame: () => Promise<void> = nextFrame
): Promise<void> {
	for (let frame = 0; ; frame++) {
		const target = find();
		if (target) return target.focus();
		if (frame === frames) break;
		await waitFrame();
	}
	fallback()?.focus();
}

/**
 * The page's main heading, made focusable from script: the place focus goes when the part of the
 * page that held it has gone and nothing took its place.
 */
export function pageHeading(): HTMLElement | null {
	const heading = document.querySelector('h1');
	if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
	return heading;
}
