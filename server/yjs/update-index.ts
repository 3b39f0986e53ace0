import * as Y from 'yjs';

/** A Yjs update decoded once (`Y.decodeUpdate`), shared by the checks a client's update passes. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
export type DecodedStruct = DecodedUpdate['structs'][number];

/** Finds an update's structs by client and clock, by binary search. */
export class UpdateIndex {
	/** Each client's structs, as indices in reading (clock) order. */
	readonly byClient = new Map<number, number[]>();
	/** Running maximum of each client's struct ends (Skips end nothing), in the same order. */
	readonly #ends = new Map<number, number[]>();

	constructor(readonly structs: readonly DecodedStruct[]) {
		structs.forEach((struct, index) => {
			const { client, clock } = struct.id;
			const indices = this.byClient.get(client);
			const ends = this.#ends.get(client);
			const end = struct instanceof Y.Skip ? 0 : clock + struct.length;
			if (indices && ends) {
				indices.push(index);
				ends.push(Math.max(ends.at(-1)!, end));
			} else {
				this.byClient.set(client, [index]);
				this.#ends.set(client, [end]);
			}
		});
	}

	/** The first struct of `client` whose integration moves its clock past `clock`. */
	provider(client: number, clock: number): number | undefined {
		const ends = this.#ends.get(client);
		if (!ends) return undefined;
		let low = 0;
		let high = ends.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (ends[middle]! > clock) high = middle;
			else low = middle + 1;
		}
		return low < ends.length ? this.byClient.get(client)![low] : undefined;
	}

	/** The struct that holds `id`, if the update brings it. */
	holding(id: Y.ID): number | undefined {
		const index = this.provider(id.client, id.clock);
		const struct = index === undefined ? undefined : this.structs[index];
		return struct && !(struct instanceof Y.Skip) && struct.id.clock <= id.clock ? index : undefined;
	}
}
