import { describe, expect, test, vi } from 'vitest';
import { submitOnEnter, submitWith } from './form-keys';

/** A key press in a text area of a form, with what the handler did to it. */
function press(key: string, modifiers: { shiftKey?: boolean; isComposing?: boolean } = {}) {
	const requestSubmit = vi.fn();
	const event = {
		key,
		shiftKey: modifiers.shiftKey ?? false,
		isComposing: modifiers.isComposing ?? false,
		preventDefault: vi.fn(),
		currentTarget: { form: { requestSubmit } }
	};
	// reason: a plain object stands in for the DOM event; the handler reads only these fields.
	submitOnEnter(event as unknown as Parameters<typeof submitOnEnter>[0]);
	return {
		submitted: requestSubmit.mock.calls.length,
		prevented: event.preventDefault.mock.calls.length
	};
}

describe('keys in a form’s text area', () => {
	test('Enter sends the form instead of starting a new line', () => {
		expect(press('Enter')).toEqual({ submitted: 1, prevented: 1 });
	});

	test('Shift+Enter, Enter while composing a word, and other keys stay the text area’s', () => {
		expect(press('Enter', { shiftKey: true })).toEqual({ submitted: 0, prevented: 0 });
		expect(press('Enter', { isComposing: true })).toEqual({ submitted: 0, prevented: 0 });
		expect(press('a')).toEqual({ submitted: 0, prevented: 0 });
	});

	test('a submission runs the action instead of the browser’s', () => {
		const action = vi.fn();
		const event = { preventDefault: vi.fn() };
		// reason: a plain object stands in for the DOM event; the handler reads only this field.
		submitWith(action)(event as unknown as SubmitEvent);
		expect([action.mock.calls.length, event.preventDefault.mock.calls.length]).toEqual([1, 1]);
	});
});
