import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import { formatDuration, isoDuration } from '../i18n/duration';
import type { SessionSummary } from './summary';

/** Time spent, for people, in their language's units: "4 min, 30 sec" / "4 Min., 30 Sek.". */
export function formatSpent(ms: number, locale: Locale = getLocale()): string {
	// A step clicked through stays listed, said plainly rather than as "0 s".
	if (ms > 0 && ms < 500) return m.tools_under_a_second({}, { locale });
	return formatDuration(Math.round(ms / 1000), locale);
}

/** The same time spent for machines, a `<time datetime>` around {@link formatSpent}: "PT4M30S". */
export const spentIso = (ms: number): string => isoDuration(Math.round(ms / 1000));

/** What the summary says of ratings given but not shown yet. */
export function sealedNote(count: number, locale: Locale = getLocale()): string {
	return m.tools_summary_sealed({ count }, { locale });
}

const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;

/**
 * User text as literal Markdown: each item of the export is one line, so line breaks become
 * spaces; characters that format inline are escaped everywhere, and those that start a block
 * (a heading, a quote, a list) only at the start, where they would take effect.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(INLINE_SPECIAL, '\\$&')
		.replace(/^(\d+)([.)])/, '$1\\$2')
		.replace(/^[#>+=-]/, '\\$&');
}

const withRole = (name: string, roleName: string) =>
	roleName === '' ? escapeMarkdown(name) : `${escapeMarkdown(name)} (${escapeMarkdown(roleName)})`;

/** A section of the Markdown export: its heading and its lines (none: left out). */
export type MarkdownSection = [heading: string, lines: string[]];

/**
 * The summary as a Markdown document with a section per kind of content, leaving out empty
 * sections, worded in `locale` (the downloader's). `formatTime` renders a moment (ms since the
 * epoch) for the reader's locale and time zone. `more` are sections made elsewhere (the turns'
 * summary), put after the summary's own.
 */
export function summaryMarkdown(
	summary: SessionSummary,
	formatTime: (ms: number) => string,
	locale: Locale = getLocale(),
	more: readonly MarkdownSection[] = []
): string {
	const opts = { locale };
	const roundLabel = (round: number) =>
		summary.rounds > 1 ? ` ${m.tools_summary_in_round({ round }, opts)}` : '';
	/** Per-round content under a heading for each round, when there is more than one. */
	const byRound = <T extends { round: number }>(items: T[], render: (item: T) => string[]) =>
		items.flatMap((item) => [
			...(summary.rounds > 1
				? [`### ${m.tools_summary_round({ round: item.round }, opts)}`, '']
				: []),
			...render(item),
			''
		]);
	/** Quoted words with a note in brackets (whose, or from which part) and their round. */
	// A line said by voice whose words nobody wrote down is named instead of quoted (A26).
	const quoteLine = (text: string, note: string, round: number, voice?: string) =>
		`- ${voice !== undefined ? escapeMarkdown(voice) : m.tools_summary_quote({ text: escapeMarkdown(text) }, opts)} (${escapeMarkdown(note)})${roundLabel(round)}`;
	const spent = (ms: number) => formatSpent(ms, locale);
	const sections: MarkdownSection[] = [
		[
			m.tools_summary_participants({}, opts),
			summary.participants.map((p) => `- ${withRole(p.name, p.roleName)}`)
		],
		[
			m.tools_summary_time_per_phase({}, opts),
			summary.timePerPhase.length === 0
				? []
				: [
						...summary.timePerPhase.map((p) => `- ${escapeMarkdown(p.label)}: ${spent(p.ms)}`),
						`- **${m.tools_summary_total({}, opts)}: ${spent(summary.totalMs)}**`
					]
		],
		[
			m.tools_summary_ratings({}, opts),
			byRound(summary.ratings, ({ revealed, sealed }) => [
				...revealed.map((r) => `- ${withRole(r.name, r.roleName)}: ${r.value}, ${r.label}`),
				...(sealed > 0 ? [`- ${sealedNote(sealed, locale)}`] : [])
			])
		],
		[
			m.tools_summary_phrases({}, opts),
			summary.starredPhrases.map((p) => quoteLine(p.text, p.roleName, p.round, p.voice))
		],
		[
			m.tools_summary_shifts({}, opts),
			summary.shifts.map((s) => {
				const at =
					s.voice !== undefined
						? escapeMarkdown(s.voice)
						: m.tools_summary_at({ text: escapeMarkdown(s.text) }, opts);
				return `- **${escapeMarkdown(s.shift)}** ${at} (${escapeMarkdown(s.roleName)})${roundLabel(s.round)}`;
			})
		],
		[
			m.tools_summary_sentences({}, opts),
			byRound(summary.sentences, ({ sentences }) =>
				sentences.map((text) => `- ${escapeMarkdown(text)}`)
			)
		],
		[
			m.tools_summary_feedback({}, opts),
			byRound(summary.feedbackMessages, ({ message }) => [`> ${escapeMarkdown(message)}`])
		],
		[
			m.tools_summary_paraphrases({}, opts),
			byRound(summary.paraphrases, ({ parts }) =>
				parts.map(({ label, text }) => `- ${label}: ${escapeMarkdown(text)}`)
			)
		],
		[
			m.sprint_summary_landed({}, opts),
			summary.landedPhrases.map((p) => quoteLine(p.text, p.note, p.round))
		],
		[
			m.async_summary_clips({}, opts),
			byRound(summary.voiceClips, ({ clips }) => clips.map((clip) => `- ${escapeMarkdown(clip)}`))
		],
		[
			m.tools_summary_observations({}, opts),
			summary.observations.map(
				({ name, text }) => `- **${escapeMarkdown(name)}**: ${escapeMarkdown(text)}`
			)
		],
		[
			m.tools_summary_commitments({}, opts),
			summary.commitments.map(({ name, what, when, withWhom }) => {
				const details = [
					escapeMarkdown(what),
					when && m.tools_summary_when({ when: escapeMarkdown(when) }, opts),
					withWhom && m.tools_summary_with({ who: escapeMarkdown(withWhom) }, opts)
				].filter((detail) => detail !== '');
				return `- **${escapeMarkdown(name)}**: ${details.join('; ')}`;
			})
		],
		[
			m.tools_summary_follow_ups({}, opts),
			summary.followUps.map((f) => {
				const plan = m.tools_summary_follow_up(
					{
						title: escapeMarkdown(f.title),
						startsAt: formatTime(f.startsAt),
						reflectAt: formatTime(f.reflectAt)
					},
					opts
				);
				return `- **${escapeMarkdown(f.name)}**: ${plan}`;
			})
		]
	];
	const header = [
		`# ${m.tools_summary_title({ title: escapeMarkdown(summary.playbookTitle) }, opts)}`,
		'',
		`- ${m.tools_summary_date({}, opts)}: ${formatTime(summary.date)}`,
		...(summary.roomUrl ? [`- ${m.tools_summary_room({}, opts)}: <${summary.roomUrl}>`] : [])
	];
	const blocks = [...sections, ...more]
		.filter(([, lines]) => lines.length > 0)
		.map(([heading, lines]) => [`## ${heading}`, '', ...lines].join('\n').trim());
	return `${[header.join('\n'), ...blocks].join('\n\n')}\n`;
}
