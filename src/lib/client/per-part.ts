/**
 * One value for each part of a tool (the paraphrase's three, the feedback's five), in a record
 * typed by the parts.
 */
export function perPart<P extends PropertyKey, V>(
	parts: readonly P[],
	value: (part: P) => V
): Record<P, V> {
	// reason: fromEntries types its keys as string; the entries are exactly `parts`.
	return Object.fromEntries(parts.map((part) => [part, value(part)])) as Record<P, V>;
}
