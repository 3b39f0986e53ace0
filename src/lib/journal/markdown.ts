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

/** `**Label:** text`, or nothing for an empty answer. */
const answer = (label: string, text: string) =>
	text.trim() === '' ? [] : [`- **${label}:** ${escapeMarkdown(text)}`];

function reflectionLines(entry: ReflectionEntry, formatTime: FormatTime): string[] {
	const { session } = entry;
	const heading = session
		? `### ${escapeMarkdown(session.playbookTitle)}, ${formatTime(session.date)}`
		: `### Reflection, ${formatTime(entry.createdAt)}`;
	const facts = session
		? [
				...(session.durationMs > 0 ? [`- Time practised: ${formatSpent(session.durationMs)}`] : []),
				...(session.ratingsReceived.length > 0
					? [`- Felt understanding given to me: ${session.ratingsReceived.join(', ')} of 5`]
					: []),
				...(session.commitment?.what
					? [`- My commitment: ${escapeMarkdown(session.commitment.what)}`]
					: []),
				...session.starredPhrases.map(
					(phrase) => `- Phrase that worked: “${escapeMarkdown(phrase)}”`
				)
			]
		: [];
	return [
		heading,
		'',
		`- Skill: ${entry.skill}; confidence ${entry.confidence} of 5`,
		...facts,
		...answer('Context', entry.context),
		...answer('Action', entry.action),
		...answer('Result', entry.result),
		...answer('Feelings', entry.feelings),
		''
	];
}

function checkInLines(entry: CheckInEntry, formatTime: FormatTime): string[] {
	const { what, when, withWhom } = entry.commitment;
	const details = [
		when && `when: ${escapeMarkdown(when)}`,
		withWhom && `with: ${escapeMarkdown(withWhom)}`
	].filter((detail) => detail !== '');
	return [
		`### ${escapeMarkdown(what || entry.playbookTitle)}`,
		'',
		`- From: ${escapeMarkdown(entry.playbookTitle)}, ${formatTime(entry.sessionDate)}`,
		...(details.length > 0 ? [`- ${details.join('; ')}`] : []),
		`- Check in from: ${formatTime(entry.dueAt)}`,
		...(entry.answeredAt === null ? [] : [`- Done: ${entry.done ? 'yes' : 'not yet'}`]),
		...answer('How it went', entry.answer),
		''
	];
}

const shoutOutLine = (entry: ShoutOutEntry, formatTime: FormatTime) =>
	`- **${escapeMarkdown(entry.fromName)}**, ${formatTime(entry.date)}: ${escapeMarkdown(entry.behaviour)}${entry.kindUnderPressure ? ' (kindness under pressure)' : ''}`;

const pulseLines = (entry: PulseEntry) => [
	`### ${entry.month}`,
	'',
	`- ${escapeMarkdown(entry.question)}`,
	...answer('Answer', entry.answer),
	`- Confidence: ${entry.confidence} of 5`,
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
	formatTime: FormatTime
): string {
	const of = <T extends JournalEntry['type']>(type: T) =>
		entries.filter((entry): entry is Extract<JournalEntry, { type: T }> => entry.type === type);
	const sections: [heading: string, lines: string[]][] = [
		['Reflections', of('reflection').flatMap((entry) => reflectionLines(entry, formatTime))],
		['Follow-ups', of('check-in').flatMap((entry) => checkInLines(entry, formatTime))],
		['Shout-outs received', of('shout-out').map((entry) => shoutOutLine(entry, formatTime))],
		['Monthly pulse', of('pulse').flatMap(pulseLines)]
	];
	const blocks = sections
		.filter(([, lines]) => lines.length > 0)
		.map(([heading, lines]) => [`## ${heading}`, '', ...lines].join('\n').trim());
	const header = `# Practice journal\n\nExported ${formatTime(exportedAt)}.`;
	return `${[header, ...blocks].join('\n\n')}\n`;
}
