import { render } from 'svelte/server';
import { expect, test } from 'vitest';
import { typedContext, type TypedContext } from './typed-context';
import TypedContextReader from './TypedContextReader.fixture.svelte';

/** What the reader renders, given `context` (and setting `value`) under the test's `map`. */
const reads = (
	context: TypedContext<string>,
	{ value, map }: { value?: string; map?: Map<symbol, string> } = {}
) => render(TypedContextReader, { props: { context, value }, context: map }).body;

test('a component reads the value its test map gives', () => {
	const greeting = typedContext<string>('greeting', 'the greeter sets it');
	expect(reads(greeting, { map: greeting.testMap('hello') })).toContain('<p>hello</p>');
});

test('a value set reaches the component that set it, over one given from above', () => {
	const greeting = typedContext<string>('greeting', 'the greeter sets it');
	expect(reads(greeting, { value: 'set here', map: greeting.testMap('from above') })).toContain(
		'<p>set here</p>'
	);
});

test('read where none was set, it throws, naming the context', () => {
	expect(() => reads(typedContext<string>('greeting', 'the greeter sets it'))).toThrow(
		'No greeting context: the greeter sets it.'
	);
});

test('two contexts of one name keep their values apart', () => {
	const mine = typedContext<string>('greeting', 'the greeter sets it');
	const other = typedContext<string>('greeting', 'the greeter sets it');
	expect(() => reads(mine, { map: other.testMap('not mine') })).toThrow('No greeting context');
});
