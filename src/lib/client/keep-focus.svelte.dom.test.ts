import { flushSync } from 'svelte';
import { afterEach, expect, test, vi } from 'vitest';
import { keepFocusAcross } from './keep-focus.svelte';

let place = $state('now');
/** Something else on the page the rebuild reads (a timer, the roster). */
let other = $state(0);
const stops: (() => void)[] = [];

afterEach(() => {
	for (const stop of stops.splice(0)) stop();
	document.body.replaceChildren();
	place = 'now';
	other = 0;
});

/**
 * A focused button, keepFocusAcross watching `place` as a component would, and the markup's
 * update (`update`, run after it as the markup's is) when the place changes.
 */
function watch(
	rebuilt: (gone: Element, before: string) => void,
	update: (button: HTMLButtonElement) => void,
	within?: () => Element | undefined
): HTMLButtonElement {
	const button = document.createElement('button');
	document.body.append(button);
	button.focus();
	stops.push(
		$effect.root(() => {
			keepFocusAcross(() => place, rebuilt, within);
			$effect.pre(() => {
				if (place !== 'now') update(button);
			});
		})
	);
	flushSync();
	return button;
}

test('a part rebuilt elsewhere hands on focus once: a later change of something else does not hand it on again', () => {
	const rebuilt = vi.fn(() => void other);
	const button = watch(rebuilt, (gone) => gone.remove());
	place = 'more';
	flushSync();
	expect(rebuilt).toHaveBeenCalledExactlyOnceWith(button, 'now');
	other = 1;
	flushSync();
	expect(rebuilt).toHaveBeenCalledOnce();
});

test('focus on a part moved, not rebuilt, goes back to it', () => {
	const rebuilt = vi.fn();
	const button = watch(rebuilt, (moved) =>
		document.body.prepend(document.createElement('p'), moved)
	);
	place = 'more';
	flushSync();
	expect(document.activeElement).toBe(button);
	expect(rebuilt).not.toHaveBeenCalled();
});

test('watching one part (`within`), focus elsewhere that goes in the same change is not its to hand on', () => {
	const rebuilt = vi.fn();
	const part = document.createElement('section');
	document.body.append(part);
	watch(
		rebuilt,
		(gone) => gone.remove(),
		() => part
	);
	place = 'more';
	flushSync();
	expect(rebuilt).not.toHaveBeenCalled();
});
