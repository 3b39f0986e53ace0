import { formatDuration } from '../i18n/duration';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';
import type { ClipProblemCode, ClipRef } from '../protocol/clips';
import type { ControlState } from '../protocol/control';
import type { RecorderProblem } from './voice-recorder.svelte';
import type { MicrophoneProblem } from './voice-recording';

/** The person's words for a refused clip (protocol B8) or one that never reached the server. */
export const CLIP_PROBLEM_WORDS: Record<ClipProblemCode | 'unreachable', () => string> = {
	clip_too_large: m.async_clip_too_large,
	clip_too_long: m.async_clip_too_long,
	clip_not_opus: m.async_clip_not_opus,
	room_clips_full: m.async_room_clips_full,
	clip_uploads_limited: m.async_clip_uploads_limited,
	clip_needs_ticket: m.async_clip_needs_ticket,
	clip_not_allowed: m.async_clip_not_allowed,
	clip_not_found: m.async_clip_not_found,
	unreachable: m.async_clip_unreachable
};

/** The person's words for a recording that cannot start; each says the text path stays open. */
export const MICROPHONE_WORDS: Record<MicrophoneProblem, () => string> = {
	refused: m.async_voice_refused,
	'no-microphone': m.async_voice_no_microphone,
	unsupported: m.async_voice_unsupported,
	failed: m.async_voice_failed
};

const RECORDER_PROBLEM_WORDS: Record<RecorderProblem, () => string> = {
	...MICROPHONE_WORDS,
	...CLIP_PROBLEM_WORDS
};

/** Words for whatever stopped the recorder. */
export const recorderProblemWords = (problem: RecorderProblem): string =>
	RECORDER_PROBLEM_WORDS[problem]();

/** Whose a clip is and how long it plays, in whole seconds and at least one, for its caption. */
export const clipCaption = (
	people: ControlState['people'],
	{ participantId, durationMs }: Pick<ClipRef, 'participantId' | 'durationMs'>
): { name: string; duration: string } => ({
	name: people[participantId]?.name ?? m.tools_someone_who_left(),
	duration: formatDuration(Math.max(1, Math.round(durationMs / 1000)), getLocale())
});
