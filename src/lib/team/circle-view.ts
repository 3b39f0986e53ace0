import {
	NEW_THIS_QUARTER_SHOWN,
	type CirclePost,
	type CircleView,
	type StoredCircleItem
} from '../protocol/circle';
import { builtInChallenge, monthOf, previousMonth, quarterStart } from './circle-challenges';

/** A library playbook as the circle needs it: its id, title and when it was added (0: built in). */
export interface LibraryEntry {
	id: string;
	title: string;
	createdAt: number;
}

const byNewest = <T extends { createdAt: number }>(a: T, b: T) => b.createdAt - a.createdAt;
const byOldest = <T extends { createdAt: number }>(a: T, b: T) => a.createdAt - b.createdAt;

function asPost(item: StoredCircleItem): CirclePost | undefined {
	switch (item.type) {
		case 'highlight':
			return {
				id: item.id,
				type: item.type,
				text: item.text,
				author: item.author,
				createdAt: item.createdAt
			};
		case 'nomination':
			return {
				id: item.id,
				type: item.type,
				nominee: item.nominee,
				text: item.text,
				author: item.author,
				createdAt: item.createdAt
			};
		case 'challenge':
		case 'shelf':
		case 'tried':
			return undefined;
		default:
			return assertNever(item);
	}
}

function assertNever(value: never): never {
	throw new Error(`unexpected circle item ${JSON.stringify(value)}`);
}

/**
 * What the circle shows at `now` (docs/protocol.md, T21–T24): this month's challenge (the first
 * proposal made last month, else the team's built-in one) with its "tried it" count, this
 * month's highlights and nominations together, older months archived, the shelf with who
 * proposed each pick (playbooks no longer in the library are left out), and the library's
 * playbooks added this quarter.
 */
export function circleView(
	teamId: string,
	items: readonly StoredCircleItem[],
	library: readonly LibraryEntry[],
	now: number
): CircleView {
	const month = monthOf(now);
	const proposals = items.filter((item) => item.type === 'challenge').sort(byOldest);
	const chosen = proposals.find((item) => item.month === previousMonth(month));
	const next = proposals.find((item) => item.month === month);
	const posts = items.flatMap((item) => {
		const shown = asPost(item);
		return shown ? [{ month: item.month, post: shown }] : [];
	});
	const olderMonths = [...new Set(posts.map((p) => p.month).filter((m) => m < month))]
		.sort()
		.reverse();
	const titles = new Map(library.map((entry) => [entry.id, entry.title]));
	const since = quarterStart(now);
	return {
		month,
		challenge: {
			text: chosen?.text ?? builtInChallenge(teamId, month),
			author: chosen?.author ?? null,
			builtIn: chosen === undefined,
			tried: items.filter((item) => item.type === 'tried' && item.month === month).length
		},
		nextChallenge: next ? { text: next.text, author: next.author } : null,
		posts: posts
			.filter((p) => p.month === month)
			.map((p) => p.post)
			.sort(byNewest),
		archive: olderMonths.map((m) => ({
			month: m,
			posts: posts
				.filter((p) => p.month === m)
				.map((p) => p.post)
				.sort(byNewest)
		})),
		shelf: items
			.filter((item) => item.type === 'shelf')
			.flatMap((item) => {
				const title = titles.get(item.playbookId);
				return title === undefined
					? []
					: [
							{
								id: item.id,
								playbook: { id: item.playbookId, title },
								author: item.author,
								createdAt: item.createdAt
							}
						];
			})
			.sort(byOldest),
		newThisQuarter: library
			.filter((entry) => entry.createdAt >= since)
			.sort(byNewest)
			.slice(0, NEW_THIS_QUARTER_SHOWN)
			.map(({ id, title }) => ({ id, title }))
	};
}
