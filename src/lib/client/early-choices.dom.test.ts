import { expect, test } from 'vitest';
import { fieldValues, restoreFieldValues } from './early-choices';

/** A form as the server drew it: a search and a select, each at the page's filter. */
function drawnForm(): HTMLFormElement {
	const form = document.createElement('form');
	form.innerHTML = `<input name="q" value="" />
		<select name="skill"><option value="">Any</option><option value="listening">Listening</option></select>
		<button type="submit">Show</button>`;
	return form;
}

test('choices read before hydration are put back after it set the fields to the drawn values', () => {
	const form = drawnForm();
	const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
	field('q').value = 'sprint';
	field('skill').value = 'listening';
	const early = fieldValues(form);
	expect(early).toEqual([
		['q', 'sprint'],
		['skill', 'listening']
	]);
	field('q').value = '';
	field('skill').value = '';
	restoreFieldValues(form, early);
	expect(fieldValues(form)).toEqual(early);
});

test('no form, no choices', () => {
	expect(fieldValues(null)).toEqual([]);
	expect(fieldValues(document.createElement('div'))).toEqual([]);
});
