/**
 * An ARIA id-reference list (`aria-describedby`) of the ids given, in order, skipping those that
 * are absent; undefined when none is left, so the attribute is left off rather than empty.
 */
export function idRefs(...ids: (string | undefined)[]): string | undefined {
	return ids.filter((id) => id !== undefined && id !== '').join(' ') || undefined;
}
