import {
	clipProblemSchema,
	clipsPath,
	clipUploadReplySchema,
	clipUrl,
	credentialsQuery,
	type ClipProblemCode,
	type ClipUploadReply
} from '../protocol/clips';
import type { MemberTicket } from '../protocol/ids';
import { requestJson } from './json-request';

/** How sending a clip went: the server's reply, or why not (`unreachable`: no answer at all). */
export type ClipSent =
	{ ok: true; reply: ClipUploadReply } | { ok: false; code: ClipProblemCode | 'unreachable' };

/** Sends a recorded take to the room (protocol B1). */
export async function sendClip(
	roomId: string,
	take: Blob,
	credentials: MemberTicket
): Promise<ClipSent> {
	const answer = await requestJson(
		`${clipsPath(roomId)}${credentialsQuery(credentials)}`,
		clipUploadReplySchema,
		{ method: 'POST', bytes: take, type: take.type.split(';')[0] ?? take.type }
	);
	if (answer.ok) return { ok: true, reply: answer.data };
	const problem = clipProblemSchema.safeParse(answer.body);
	return { ok: false, code: (problem.success && problem.data.code) || 'unreachable' };
}

/** Deletes one of this person's clips (B6); a failure leaves it to go with the room. */
export async function deleteClip(
	roomId: string,
	clipId: string,
	credentials: MemberTicket
): Promise<void> {
	await fetch(clipUrl(roomId, clipId, credentials), { method: 'DELETE' }).catch(() => undefined);
}
