import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import {
	PARAPHRASE_PARTS,
	type FeedbackPart,
	type ParaphrasePart,
	type ParaphraseTake,
	type ScriptLine
} from '../protocol/room-content';
import { feedbackMessage } from './feedback';
import { takesUpTo, type LandedMarks } from './landed';
import { paraphraseTake } from './second-take';
import { clipLine, lineSaid, type SummaryClipPurpose } from './summary-clips';
import { paraphraseLabel } from './tool-words';

/**
 * What the session summary gathers from the rounds' practice tools: the phrases, shifts,
 * sentences, messages, paraphrases and voice clips people left, round by round, leaving out
 * whatever is empty. Kept apart from `summarizeSession`, which adds who came and where the time
 * went.
 */

/** One script line, as the summary reads it. */
export type ScriptLineContent = Pick<
	ScriptLine,
	'takeId' | 'roleId' | 'text' | 'starred' | 'shift' | 'voice'
>;

/** What people wrote in one round's tools. */
export interface RoundContent {
	round: number;
	paraphrase: Record<ParaphrasePart, string>;
	/** The phrase that landed, by the paraphrase's take it was marked in (protocol A17). */
	landed: LandedMarks;
	feedback: Record<FeedbackPart, string>;
	/** Every take's lines, in document order. */
	scriptLines: ScriptLineContent[];
	/** The two sentences to reuse, in order. */
	sentences: string[];
	/** The voice clips left in the round (a room across time zones), oldest first. */
	clips: RoundClip[];
}

/** A voice clip as the summary lists it: never its audio, only whose, what for and how long. */
export interface RoundClip {
	purpose: SummaryClipPurpose;
	participantId: string;
	durationMs: number;
}
/** The summary's sections drawn from the rounds, each in round order. */
export interface RoundSections {
	/**
	 * `text` the words written down; `voice`, for a line said by voice whose words nobody wrote
	 * (protocol A24), what to show in place of the quote: "Ana’s voice line, 0:05" for a phrase,
	 * "at Ana’s voice line, 0:05" for a shift.
	 */
	starredPhrases: { round: number; roleName: string; text: string; voice?: string }[];
	shifts: { round: number; roleName: string; shift: string; text: string; voice?: string }[];
	sentences: { round: number; sentences: string[] }[];
	feedbackMessages: { round: number; message: string }[];
	paraphrases: { round: number; parts: { label: string; text: string }[] }[];
	/** The phrases the speakers marked as the ones that landed, by round and take (A17). */
	landedPhrases: {
		round: number;
		take: ParaphraseTake;
		/** The part it came from, and which take when it was the second: "Needs, second take". */
		note: string;
		text: string;
	}[];
	/** The voice clips, as "Ana’s story: voice clip, 1:12": the audio stays in the room. */
	voiceClips: { round: number; clips: string[] }[];
}

/** How the rounds' sections name people and roles. */
export interface RoundNames {
	/** A role's name, by role id. */
	roleName: (roleId: string) => string;
	/** A person's name, by participant id. */
	nameOf: (participantId: string) => string;
}

/** The summary's sections of what people left in `rounds`, worded in `locale`. Pure. */
export function roundSections(
	rounds: readonly RoundContent[],
	{ roleName, nameOf }: RoundNames,
	locale: Locale | undefined,
	schedule: Parameters<typeof paraphraseTake>[0]
): RoundSections {
	const lines = rounds.flatMap(({ round, scriptLines }) =>
		scriptLines.map((line) => ({ round, roleName: roleName(line.roleId), line }))
	);
	const said = (line: ScriptLineContent, as: 'phrase' | 'shift') =>
		lineSaid(line, as, nameOf, locale);
	return {
		starredPhrases: lines
			.filter(({ line }) => line.starred && (line.text.trim() !== '' || line.voice))
			.map(({ round, roleName, line }) => ({ round, roleName, ...said(line, 'phrase') })),
		shifts: lines
			.filter(({ line }) => line.shift.trim() !== '')
			.map(({ round, roleName, line }) => ({
				round,
				roleName,
				shift: line.shift.trim(),
				...said(line, 'shift')
			})),
		sentences: rounds
			.map(({ round, sentences }) => ({
				round,
				sentences: sentences.map((text) => text.trim()).filter((text) => text !== '')
			}))
			.filter(({ sentences }) => sentences.length > 0),
		feedbackMessages: rounds
			.map(({ round, feedback }) => ({ round, message: feedbackMessage(feedback) }))
			.filter(({ message }) => message !== ''),
		paraphrases: rounds
			.map(({ round, paraphrase }) => ({
				round,
				parts: PARAPHRASE_PARTS.map((part) => ({
					label: paraphraseLabel(part, locale),
					text: paraphrase[part].trim()
				})).filter(({ text }) => text !== '')
			}))
			.filter(({ parts }) => parts.length > 0),
		// Only takes the round had: a hand-made mark of a later take is left out (A17).
		landedPhrases: rounds.flatMap(({ round, landed }) =>
			takesUpTo(paraphraseTake(schedule, round)).flatMap((take) => {
				const phrase = landed[take];
				if (!phrase) return [];
				const part = paraphraseLabel(phrase.part, locale);
				const note = take === 1 ? part : m.sprint_summary_second_take({ part }, { locale });
				return [{ round, take, note, text: phrase.text }];
			})
		),
		voiceClips: rounds
			.map(({ round, clips }) => ({
				round,
				clips: clips.map(({ purpose, participantId, durationMs }) =>
					clipLine(purpose, { name: nameOf(participantId), durationMs }, locale)
				)
			}))
			.filter(({ clips }) => clips.length > 0)
	};
}
