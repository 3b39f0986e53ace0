import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import SharedText from './SharedText.svelte';

const props = (readonly?: boolean) => {
	const text = new Y.Doc().getText('feelings');
	text.insert(0, 'Stung that the review went past you.');
	return { id: 'paraphrase-feelings', label: 'Feelings', text, placeholder: 'You felt…', readonly };
};

describe('a shared text field', () => {
	test('[A17] read-only, it shows the shared text in a labelled field that takes no input', () => {
		const { body } = render(SharedText, { props: props(true) });
		expect(body).toMatch(
			/<label for="([^"]+)"[^>]*>Feelings<\/label>[\s\S]*<textarea id="\1"[^>]* readonly[^>]*>Stung that the review went past you\.<\/textarea>/
		);
		expect(body).not.toContain('placeholder');
	});

	test('by default it is an editable field, filled by its binding to the shared text', () => {
		const { body } = render(SharedText, { props: props() });
		expect(body).toMatch(/<textarea id="paraphrase-feelings"[^>]*placeholder="You felt…"/);
		expect(body).not.toContain('readonly');
	});
});
