import type * as Y from 'yjs';
import { participantIdSchema } from '../protocol/ids';
import { commitmentSchema, type Commitment } from '../protocol/room-content';

/**
 * Everyone's commitments by participant id. An entry that does not parse, or whose key is not a
 * participant id, is left out.
 */
export function readCommitments(map: Y.Map<unknown>): Record<string, Commitment> {
	const commitments: Record<string, Commitment> = {};
	for (const [id, value] of map) {
		const parsed = commitmentSchema.safeParse(value);
		if (participantIdSchema.safeParse(id).success && parsed.success) commitments[id] = parsed.data;
	}
	return commitments;
}
