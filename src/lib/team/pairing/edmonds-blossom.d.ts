// Types for the untyped `edmonds-blossom` package (MIT, a port of Joris van Rantwijk's
// maximum-weight matching): edges are [vertex, vertex, weight]; the answer gives each vertex
// its mate, or -1. Vertices past the highest one named in an edge are missing from the answer.
declare module 'edmonds-blossom' {
	function blossom(
		edges: ReadonlyArray<readonly [number, number, number]>,
		maxCardinality?: boolean
	): number[];
	export = blossom;
}
