/** A form's text, number and select fields as they show now: name and value, in order. */
export function fieldValues(form: Element | null): [string, string][] {
	if (!(form instanceof HTMLFormElement)) return [];
	return [...new FormData(form)].map(([name, value]) => [name, String(value)]);
}

/**
 * Puts back values a form's fields showed earlier: read before hydration, which sets every field
 * to what the page was drawn with, they keep choices made before the page's script arrived.
 */
export function restoreFieldValues(form: HTMLFormElement, values: readonly [string, string][]) {
	for (const [name, value] of values) {
		const field = form.elements.namedItem(name);
		if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) {
			field.value = value;
		}
	}
}
