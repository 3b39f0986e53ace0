/**
 * Enter sends the form of a text area; Shift+Enter starts a new line in the text, and Enter
 * while an input method composes a word is the composition's.
 */
export function submitOnEnter(event: KeyboardEvent & { currentTarget: HTMLTextAreaElement }): void {
	if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
	event.preventDefault();
	event.currentTarget.form?.requestSubmit();
}

/** Runs `action` in place of the browser's form submission. */
export const submitWith =
	(action: () => void) =>
	(event: SubmitEvent): void => {
		event.preventDefault();
		action();
	};
