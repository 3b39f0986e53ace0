import { getContext, setContext } from 'svelte';

/** One value in Svelte context, typed: what a component sets for those inside it to read. */
export interface TypedContext<T> {
	/** Makes `value` this component's, and that of everything inside it. */
	set<V extends T>(value: V): V;
	/** The value of the nearest component that set one; throws, naming it, when none did. */
	get(): T;
	/** The context map a component test renders with, to give it `value`. */
	testMap(value: T): Map<symbol, T>;
}

/**
 * A context named `name` (in its key and its error), under a key of its own; read where none was
 * set, the error says `whenMissing`: where one is set, or what went wrong. Its values are never
 * `undefined`, which is what reads as none set. Svelte's
 * `createContext` hides its key, so a component test could not hand a value in through
 * `render`'s `context` map: this one keeps it for `testMap`.
 */
export function typedContext<T extends NonNullable<unknown>>(
	name: string,
	whenMissing: string
): TypedContext<T> {
	const key = Symbol(name);
	return {
		set: (value) => setContext(key, value),
		get() {
			const value = getContext<T | undefined>(key);
			if (value === undefined) throw new Error(`No ${name} context: ${whenMissing}.`);
			return value;
		},
		testMap: (value) => new Map([[key, value]])
	};
}
