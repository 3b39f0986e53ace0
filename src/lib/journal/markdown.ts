import { skillName } from '$lib/i18n/facet-names';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { escapeMarkdown, formatSpent } from '../room/summary-markdown';
import type {
	CheckInEntry,
	JournalEntry,
	PulseEntry,
	ReflectionEntry,
	ShoutOutEntry
} from './entry';

/** A moment (ms since the epoch) as the reader's clock shows it. */
type FormatTime = (ms: number) => string;

/** How the document is written: the reader's clock and language. */
interface Writing {
	formatTime: FormatTime;
	locale: Locale;
}

/** `**Label:** text`, or nothing for an empty answer. */
const answer = (label: string, text: string) =>
	text.trim() === '' ? [] : [`- **${label}:** ${escapeMarkdown(text)}`];

function reflectionLines(entry: ReflectionEntry, { formatTime, locale }: Writing): string[] {
	const language = { locale };
	const { session } = entry;
	const heading = session
		? `### ${escapeMarkdown(session.playbookTitle)}, ${formatTime(session.date)}`
		: `### ${m.practice_reflection_fallback_title({}, language)}, ${formatTime(entry.createdAt)}`;
	const facts = session
		? [
				...(session.durationMs > 0
					? [
							`- ${m.practice_md_time_practised({ time: formatSpent(session.durationMs) }, language)}`
						]
					: []),
				...(session.ratingsReceived.length > 0
					? [
							`- ${m.practice_md_understanding({ ratings: session.ratingsReceived.join(', ') }, language)}`
						]
					: []),
				...(session.commitment?.what
					? [
							`- ${m.practice_md_commitment({ what: escapeMarkdown(session.commitment.what) }, language)}`
						]
					: []),
				...session.starredPhrases.map(
					(phrase) => `- ${m.practice_md_phrase({ phrase: escapeMarkdown(phrase) }, language)}`
				)
			]
		: [];
	return [
		heading,
		'',
		`- ${m.practice_md_skill({ skill: skillName(entry.skill), confidence: entry.confidence }, language)}`,
		...facts,
		...answer(m.practice_reflection_context({}, language), entry.context),
		...answer(m.practice_reflection_action({}, language), entry.action),
		...answer(m.practice_reflection_result({}, language), entry.result),
		...answer(m.practice_reflection_feelings({}, language), entry.feelings),
		''
	];
}

function checkInLines(entry: CheckInEntry, { formatTime, locale }: Writing): string[] {
	const language = { locale };
	const { what, when, withWhom } = entry.commitment;
	const details = [
		when && m.practice_md_when({ when: escapeMarkdown(when) }, language),
		withWhom && m.practice_md_with({ who: escapeMarkdown(withWhom) }, language)
	].filter((detail) => detail !== '');
	const done = entry.done ? m.practice_md_done_yes : m.practice_md_done_not_yet;
	return [
		`### ${escapeMarkdown(what || entry.playbookTitle)}`,
		'',
		`- ${m.practice_md_from({ playbook: escapeMarkdown(entry.playbookTitle), time: formatTime(entry.sessionDate) }, language)}`,
		...(details.length > 0 ? [`- ${details.join('; ')}`] : []),
		`- ${m.practice_md_check_in_from({ time: formatTime(entry.dueAt) }, language)}`,
		...(entry.answeredAt === null ? [] : [`- ${done({}, language)}`]),
		...answer(m.practice_md_how_it_went({}, language), entry.answer),
		''
	];
}

const shoutOutLine = (entry: ShoutOutEntry, { formatTime, locale }: Writing) =>
	`- **${escapeMarkdown(entry.fromName)}**, ${formatTime(entry.date)}: ${escapeMarkdown(entry.behaviour)}${entry.kindUnderPressure ? ` ${m.practice_md_kind({}, { locale })}` : ''}`;

const pulseLines = (entry: PulseEntry, locale: Locale) => [
	`### ${entry.month}`,
	'',
	`- ${escapeMarkdown(entry.question)}`,
	...answer(m.practice_md_answer({}, { locale }), entry.answer),
	`- ${m.practice_md_confidence({ confidence: entry.confidence }, { locale })}`,
	''
];

/**
 * The journal as a Markdown document, a section per kind of record in the order given, empty
 * sections left out. For reading: every answer becomes one line of escaped text. The JSON export
 * is the one to import.
 */
export function journalMarkdown(
	entries: readonly JournalEntry[],
	exportedAt: number,
	formatTime: FormatTime,
	locale: Locale = getLocale()
): string {
	const writing: Writing = { formatTime, locale };
	const language = { locale };
	const of = <T extends JournalEntry['type']>(type: T) =>
		entries.filter((entry): entry is Extract<JournalEntry, { type: T }> => entry.type === type);
	const sections: [heading: string, lines: string[]][] = [
		[
			m.practice_md_reflections({}, language),
			of('reflection').flatMap((entry) => reflectionLines(entry, writing))
		],
		[
			m.practice_md_follow_ups({}, language),
			of('check-in').flatMap((entry) => checkInLines(entry, writing))
		],
		[
			m.practice_md_shout_outs({}, language),
			of('shout-out').map((entry) => shoutOutLine(entry, writing))
		],
		[m.practice_md_pulse({}, language), of('pulse').flatMap((entry) => pulseLines(entry, locale))]
	];
	const blocks = sections
		.filter(([, lines]) => lines.length > 0)
		.map(([heading, lines]) => [`## ${heading}`, '', ...lines].join('\n').trim());
	const header = `# ${m.practice_md_title({}, language)}\n\n${m.practice_md_exported({ time: formatTime(exportedAt) }, language)}`;
	return `${[header, ...blocks].join('\n\n')}\n`;
}
