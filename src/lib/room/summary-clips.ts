import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { ClipPurpose } from '../protocol/clips';
import type { ScriptLine } from '../protocol/room-content';
import { formatRemaining } from './timer';

/**
 * What the summary says a clip was for (protocol A12, A26): a slot's purpose, or `roleplay` for
 * a line said by voice in the script (A24).
 */
export type SummaryClipPurpose = ClipPurpose | 'roleplay';

type ClipWords = (
	inputs: { name: string; duration: string },
	options: { locale?: Locale | undefined }
) => string;

/** A clip's length as a player shows it, in whole seconds and at least one: 72 s → "1:12". */
const clipLength = (ms: number): string =>
	formatRemaining(Math.max(1, Math.round(ms / 1000)) * 1000);

const CLIP_LINES: Record<SummaryClipPurpose, ClipWords> = {
	story: m.async_summary_clip_story,
	feedback: m.async_summary_clip_feedback,
	heard: m.feedback_turns_summary_clip,
	roleplay: m.roleplay_summary_clip
};

/** A clip as the summary lists it, never its audio: "Ana’s story: voice clip, 1:12". */
export const clipLine = (
	purpose: SummaryClipPurpose,
	clip: { name: string; durationMs: number },
	locale: Locale | undefined
): string =>
	CLIP_LINES[purpose]({ name: clip.name, duration: clipLength(clip.durationMs) }, { locale });

const VOICE_LINE_WORDS: Record<'phrase' | 'shift', ClipWords> = {
	phrase: m.roleplay_summary_voice_line,
	shift: m.roleplay_summary_at_voice
};

/**
 * A script line as the summary shows it: its words, or for a line said by voice whose words
 * nobody wrote down, which voice line it is (A26), to show in place of the quote: "Ana’s voice
 * line, 0:05" as a phrase, "at Ana’s voice line, 0:05" for a shift.
 */
export function lineSaid(
	{ text, voice }: Pick<ScriptLine, 'text' | 'voice'>,
	as: 'phrase' | 'shift',
	nameOf: (participantId: string) => string,
	locale: Locale | undefined
): { text: string; voice?: string } {
	if (text.trim() !== '' || !voice) return { text: text.trim() };
	const inputs = { name: nameOf(voice.participantId), duration: clipLength(voice.durationMs) };
	return { text: '', voice: VOICE_LINE_WORDS[as](inputs, { locale }) };
}
