import { CLIP_MEDIA_TYPES, type ClipMediaType } from '../protocol/clips';

/** What the recorder asks the browser for, in order: Opus in WebM (Chromium), then Ogg (Firefox). */
const RECORDING_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus'] as const;

/** The recording type this browser can make, or undefined when it makes neither (B3). */
export function recordingType(isTypeSupported: (type: string) => boolean): string | undefined {
	return RECORDING_TYPES.find((type) => isTypeSupported(type));
}

/** A recorder's MIME type as the clip's media type: the container without its codec. */
export function clipMediaType(mimeType: string): ClipMediaType | undefined {
	const base = mimeType.split(';')[0]?.trim().toLowerCase();
	return CLIP_MEDIA_TYPES.find((type) => type === base);
}

/** Why recording cannot start. */
export type MicrophoneProblem = 'refused' | 'no-microphone' | 'unsupported' | 'failed';

/**
 * What a failed `getUserMedia` means for the person: they (or the browser's settings) said no,
 * there is no microphone, or it failed otherwise (in use elsewhere, a device error).
 */
export function microphoneProblem(error: unknown): MicrophoneProblem {
	const name = error instanceof Error ? error.name : '';
	switch (name) {
		case 'NotAllowedError':
		case 'SecurityError':
			return 'refused';
		case 'NotFoundError':
		case 'OverconstrainedError':
			return 'no-microphone';
		case 'TypeError':
			// No mediaDevices at all: an insecure origin, or a browser without recording.
			return 'unsupported';
		default:
			return 'failed';
	}
}
