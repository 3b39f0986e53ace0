import type * as Y from 'yjs';
import { commitmentSchema, type Commitment } from '../protocol/room-content';

/** Everyone's commitments by participant id; an entry that does not parse is left out. */
export function readCommitments(map: Y.Map<unknown>): Record<string, Commitment> {
	const commitments: Record<string, Commitment> = {};
	for (const [id, value] of map) {
		const parsed = commitmentSchema.safeParse(value);
		if (parsed.success) commitments[id] = parsed.data;
	}
	return commitments;
}
