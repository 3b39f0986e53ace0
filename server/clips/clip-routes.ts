import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	CLIP_MEDIA_TYPES,
	clipIdSchema,
	clipPath,
	type ClipProblemCode,
	type ClipUploadReply
} from '../../src/lib/protocol/clips';
import { roomIdSchema } from '../../src/lib/protocol/ids';
import type { BodyReader, Route } from '../http/api';
import { HttpProblem, sendJson } from '../http/json';
import { requestUrl } from '../http/request-path';
import type { StorageGuard } from '../http/storage-guard';
import type { RefusedRequest } from '../metrics';
import { docCredentials, type DocAdmission } from '../rooms/doc-access';
import type { RoomRegistry } from '../rooms/room-registry';
import type { BlobStore } from '../storage/blob-store';
import { askedRange, contentRange } from './byte-range';
import { checkClip } from './clip-check';
import { hourlyAddressLimit } from '../http/address-limit';
import type { AddressBuckets } from '../limits/address-buckets';
import { readBytes } from './read-bytes';
import { MAX_CLIP_BYTES } from '../../src/lib/protocol/clips';

export interface ClipRouteDeps {
	rooms: Pick<RoomRegistry, 'holding'>;
	blobs: BlobStore;
	/** A new clip id: 128 random bits (B1). */
	newClipId(): string;
	/** The API's storage guard (API_TIMEOUT_MS), for the room asked before an upload is read. */
	guardStorage: StorageGuard;
	/** Where the hourly limits per address are counted (shared by every instance). */
	addressBuckets: AddressBuckets;
	/** Uploads one client address may make per hour (LB1): rooms are cheap, their clips are not. */
	uploadsPerAddressPerHour: number;
	addressKey(req: IncomingMessage): string;
	now(): number;
}

/** The plain-words message of each refusal, for stock clients and logs (the browser words `code`). */
const PROBLEMS: Record<ClipProblemCode, [status: number, message: string]> = {
	clip_too_large: [413, 'A voice clip may be at most 2 MB.'],
	clip_uploads_limited: [
		429,
		'Too many voice clips were sent from your network in the last hour. Try again later.'
	],
	clip_too_long: [413, 'A voice clip may be at most 3 minutes long.'],
	clip_not_opus: [415, 'Send a voice clip as Opus audio in WebM or Ogg.'],
	room_clips_full: [507, 'This room holds as many voice clips as it can.'],
	clip_needs_ticket: [403, "A voice clip needs a participant's ticket from joining the room."],
	clip_not_allowed: [403, 'This room does not admit you now.'],
	clip_not_found: [404, 'There is no such voice clip.']
};

/** The refusal `code` (protocol B8), counted under `refused` when it is an abuse limit. */
export function clipProblem(code: ClipProblemCode, refused?: RefusedRequest): HttpProblem {
	const [status, message] = PROBLEMS[code];
	return new HttpProblem(status, message, { code, ...(refused ? { refused } : {}) });
}

/** `<roomId>/clips/<clipId>` as the pattern captured it, parsed; 404 when either is malformed. */
function clipAddress(param: string): { roomId: string; clipId: string } {
	const [room = '', , clip = ''] = param.split('/');
	const roomId = roomIdSchema.safeParse(room);
	const clipId = clipIdSchema.safeParse(clip);
	if (!roomId.success || !clipId.success) throw clipProblem('clip_not_found');
	return { roomId: roomId.data, clipId: clipId.data };
}

/**
 * Voice clips over HTTP (docs/protocol.md, B1–B8): upload, stream with Range, delete. Access is
 * the document connection's (Y8, Y9): the same query parameters, asked of the room now, so a
 * removed person or a locked-out link is refused here as there.
 */
export function clipRoutes(deps: ClipRouteDeps): Route[] {
	const countUpload = hourlyAddressLimit(
		deps.addressBuckets,
		deps.uploadsPerAddressPerHour,
		'clip_uploads',
		(limit) => clipProblem('clip_uploads_limited', limit)
	);
	/** Runs `use` with the room held and the request's admission; 404 for no such room. */
	async function asAdmitted<T>(
		req: IncomingMessage,
		roomId: string,
		use: (admission: DocAdmission & { admitted: true }) => Promise<T>
	): Promise<T> {
		const params = requestUrl(req)?.searchParams ?? new URLSearchParams();
		const missing = Symbol('no room');
		const result = await deps.rooms.holding<T | typeof missing>(roomId, missing, async (lease) => {
			const admission = lease.room.connections.admission(docCredentials(params));
			if (!admission.admitted) throw clipProblem('clip_not_allowed');
			return use(admission);
		});
		if (result === missing) throw clipProblem('clip_not_found');
		return result;
	}

	/** The participant a write comes from: a ticket is needed, a projector never writes (B1). */
	const writer = (admission: DocAdmission & { admitted: true }): string => {
		if (admission.readOnly || admission.participantId === undefined) {
			throw clipProblem('clip_needs_ticket');
		}
		return admission.participantId;
	};

	/**
	 * The upload's body, read only once its type is audio the server takes (B3) and the room
	 * admits its sender as a writer now (B5): a stranger's 2 MiB are never held in memory.
	 */
	const readClipBody: BodyReader = async (req, param) => {
		const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
		if (!CLIP_MEDIA_TYPES.some((allowed) => allowed === type)) {
			throw clipProblem('clip_not_opus', 'media_type');
		}
		const roomId = roomIdSchema.safeParse(param);
		if (!roomId.success) throw clipProblem('clip_not_found');
		await deps.guardStorage(() =>
			asAdmitted(req, roomId.data, async (admission) => writer(admission))
		);
		return readBytes(req, MAX_CLIP_BYTES, () => clipProblem('clip_too_large', 'body_size'));
	};

	const upload = async (
		req: IncomingMessage,
		res: ServerResponse,
		param: string,
		body: unknown
	): Promise<void> => {
		const roomId = roomIdSchema.safeParse(param);
		if (!roomId.success) throw clipProblem('clip_not_found');
		if (!(body instanceof Uint8Array)) throw new Error('the clip body reader answers bytes');
		const reply = await asAdmitted(req, roomId.data, async (admission) => {
			const owner = writer(admission);
			const checked = checkClip(body);
			if (!checked.ok) throw clipProblem(checked.code, 'media_type');
			// Counted once a clip would be stored: a refused one takes nothing from the address.
			await countUpload(res, deps.addressKey(req), deps.now());
			const clipId = deps.newClipId();
			const stored = await deps.blobs.put(roomId.data, clipId, {
				type: checked.clip.type,
				owner,
				bytes: body
			});
			if (stored === 'no-room') throw clipProblem('clip_not_found');
			if (stored === 'full') throw clipProblem('room_clips_full');
			const answer: ClipUploadReply = {
				clipId,
				path: clipPath(roomId.data, clipId),
				type: checked.clip.type,
				bytes: body.length,
				durationMs: checked.clip.durationMs
			};
			return answer;
		});
		sendJson(res, 201, reply);
	};

	const stream = async (req: IncomingMessage, res: ServerResponse, param: string) => {
		const { roomId, clipId } = clipAddress(param);
		const rangeHeader = req.headers.range;
		let ask = askedRange(undefined, 0);
		const clip = await asAdmitted(req, roomId, () =>
			deps.blobs.get(roomId, clipId, (size) => {
				ask = askedRange(rangeHeader, size);
				return ask.kind === 'part' ? ask.range : { start: 0, end: ask.kind === 'whole' ? size : 0 };
			})
		);
		if (!clip) throw clipProblem('clip_not_found');
		// Never cached: once the room is erased, no copy of the voice should outlive it (B7).
		const headers = { 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
		if (ask.kind === 'unsatisfiable') {
			res.writeHead(416, { ...headers, 'content-range': `bytes */${clip.size}` });
			res.end();
			return;
		}
		res.writeHead(ask.kind === 'part' ? 206 : 200, {
			...headers,
			'content-type': clip.type,
			'content-length': clip.bytes.length,
			...(ask.kind === 'part' && { 'content-range': contentRange(clip.range, clip.size) })
		});
		res.end(clip.bytes);
	};

	const remove = async (req: IncomingMessage, res: ServerResponse, param: string) => {
		const { roomId, clipId } = clipAddress(param);
		const deleted = await asAdmitted(req, roomId, async (admission) => {
			const owner = writer(admission);
			// Someone else's clip answers as no clip: it does not say the clip exists.
			const clip = await deps.blobs.get(roomId, clipId, () => ({ start: 0, end: 0 }));
			return clip?.owner === owner && (await deps.blobs.delete(roomId, clipId));
		});
		if (!deleted) throw clipProblem('clip_not_found');
		res.writeHead(204, { 'cache-control': 'no-store' });
		res.end();
	};

	const oneClip = /^\/api\/rooms\/([^/]+\/clips\/[^/]+)$/;
	return [
		['POST', /^\/api\/rooms\/([^/]+)\/clips$/, upload, readClipBody],
		['GET', oneClip, stream],
		['DELETE', oneClip, remove, async () => undefined]
	];
}
