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

/** How sending a clip went: the server's reply, or why not (`unreachable`: no answer at all). */
export type ClipSent =
	{ ok: true; reply: ClipUploadReply } | { ok: false; code: ClipProblemCode | 'unreachable' };

/** Sends a recorded take to the room (protocol B1). */
export async function sendClip(
	roomId: string,
	take: Blob,
	credentials: MemberTicket
): Promise<ClipSent> {
	try {
		const response = await fetch(`${clipsPath(roomId)}${credentialsQuery(credentials)}`, {
			method: 'POST',
			headers: { 'content-type': take.type.split(';')[0] ?? take.type },
			body: take
		});
		const body: unknown = await response.json();
		if (response.status === 201) {
			const reply = clipUploadReplySchema.safeParse(body);
			return reply.success ? { ok: true, reply: reply.data } : { ok: false, code: 'unreachable' };
		}
		const problem = clipProblemSchema.safeParse(body);
		return { ok: false, code: (problem.success && problem.data.code) || 'unreachable' };
	} catch {
		return { ok: false, code: 'unreachable' };
	}
}

/** Deletes one of this person's clips (B6); a failure leaves it to go with the room. */
export async function deleteClip(
	roomId: string,
	clipId: string,
	credentials: MemberTicket
): Promise<void> {
	await fetch(clipUrl(roomId, clipId, credentials), { method: 'DELETE' }).catch(() => undefined);
}
