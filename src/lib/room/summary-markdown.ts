import { formatTimebox } from './duration';
import type { SessionSummary } from './summary';

/** Time spent, for people: "4 min 30 s". */
export function formatSpent(ms: number): string {
	// A step clicked through stays listed, said plainly rather than as "0 s".
	if (ms > 0 && ms < 500) return 'under a second';
	return formatTimebox(Math.round(ms / 1000));
}

/** What the summary says of ratings given but not shown yet. */
export function sealedNote(count: number): string {
	return count === 1 ? '1 rating is still sealed.' : `${count} ratings are still sealed.`;
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

/**
 * The summary as a Markdown document with a section per kind of content, leaving out empty
 * sections. `formatTime` renders a moment (ms since the epoch) for the reader's time zone.
 */
export function summaryMarkdown(
	summary: SessionSummary,
	formatTime: (ms: number) => string
): string {
	const roundLabel = (round: number) => (summary.rounds > 1 ? ` (round ${round})` : '');
	/** Per-round content under a heading for each round, when there is more than one. */
	const byRound = <T extends { round: number }>(items: T[], render: (item: T) => string[]) =>
		items.flatMap((item) => [
			...(summary.rounds > 1 ? [`### Round ${item.round}`, ''] : []),
			...render(item),
			''
		]);
	const sections: [heading: string, lines: string[]][] = [
		['Participants', summary.participants.map((p) => `- ${withRole(p.name, p.roleName)}`)],
		[
			'Time per phase',
			summary.timePerPhase.length === 0
				? []
				: [
						...summary.timePerPhase.map(
							(p) => `- ${escapeMarkdown(p.label)}: ${formatSpent(p.ms)}`
						),
						`- **Total: ${formatSpent(summary.totalMs)}**`
					]
		],
		[
			'Ratings',
			byRound(summary.ratings, ({ revealed, sealed }) => [
				...revealed.map((r) => `- ${withRole(r.name, r.roleName)}: ${r.value}, ${r.label}`),
				...(sealed > 0 ? [`- ${sealedNote(sealed)}`] : [])
			])
		],
		[
			'Phrases that worked',
			summary.starredPhrases.map(
				(p) => `- “${escapeMarkdown(p.text)}” (${escapeMarkdown(p.roleName)})${roundLabel(p.round)}`
			)
		],
		[
			'Emotional shifts',
			summary.shifts.map(
				(s) =>
					`- **${escapeMarkdown(s.shift)}** at “${escapeMarkdown(s.text)}” (${escapeMarkdown(s.roleName)})${roundLabel(s.round)}`
			)
		],
		[
			'Two sentences to reuse',
			byRound(summary.sentences, ({ sentences }) =>
				sentences.map((text) => `- ${escapeMarkdown(text)}`)
			)
		],
		[
			'Feedback message',
			byRound(summary.feedbackMessages, ({ message }) => [`> ${escapeMarkdown(message)}`])
		],
		[
			'Paraphrases',
			byRound(summary.paraphrases, ({ parts }) =>
				parts.map(({ label, text }) => `- ${label}: ${escapeMarkdown(text)}`)
			)
		],
		[
			'Shared observations',
			summary.observations.map(
				({ name, text }) => `- **${escapeMarkdown(name)}**: ${escapeMarkdown(text)}`
			)
		],
		[
			'Commitments',
			summary.commitments.map(({ name, what, when, withWhom }) => {
				const details = [
					escapeMarkdown(what),
					when && `when: ${escapeMarkdown(when)}`,
					withWhom && `with: ${escapeMarkdown(withWhom)}`
				].filter((detail) => detail !== '');
				return `- **${escapeMarkdown(name)}**: ${details.join('; ')}`;
			})
		],
		[
			'Follow-ups',
			summary.followUps.map(
				(f) =>
					`- **${escapeMarkdown(f.name)}**: ${escapeMarkdown(f.title)}, ${formatTime(f.startsAt)}; reflect ${formatTime(f.reflectAt)}`
			)
		]
	];
	const header = [
		`# ${escapeMarkdown(summary.playbookTitle)}: session summary`,
		'',
		`- Date: ${formatTime(summary.date)}`,
		...(summary.roomUrl ? [`- Room: <${summary.roomUrl}>`] : [])
	];
	const blocks = sections
		.filter(([, lines]) => lines.length > 0)
		.map(([heading, lines]) => [`## ${heading}`, '', ...lines].join('\n').trim());
	return `${[header.join('\n'), ...blocks].join('\n\n')}\n`;
}
