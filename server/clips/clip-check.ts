import {
	CLIP_GRACE_MS,
	MAX_CLIP_BYTES,
	MAX_CLIP_MS,
	type ClipProblemCode
} from '../../src/lib/protocol/clips';
import { readOpusClip, type OpusClip } from './opus-container';

export type ClipCheck =
	| { ok: true; clip: OpusClip }
	| {
			ok: false;
			code: Extract<ClipProblemCode, 'clip_too_large' | 'clip_too_long' | 'clip_not_opus'>;
	  };

/** Whether `bytes` are a clip the server keeps (protocol B3): Opus, small and short enough. */
export function checkClip(bytes: Uint8Array): ClipCheck {
	if (bytes.length > MAX_CLIP_BYTES) return { ok: false, code: 'clip_too_large' };
	const clip = readOpusClip(bytes);
	if (!clip) return { ok: false, code: 'clip_not_opus' };
	if (clip.durationMs > MAX_CLIP_MS + CLIP_GRACE_MS) return { ok: false, code: 'clip_too_long' };
	return { ok: true, clip };
}
