import type { PlaybookSummary } from '../protocol/playbook';
import { hasFilters, matchesFilters, writeFilters, type LibraryFilters } from './filters';

/** One page of the library: the summaries on it, and whether another page follows. */
export interface LibraryPage {
	playbooks: PlaybookSummary[];
	hasMore: boolean;
}

/** Reads community summaries, newest first: `limit` of them from `offset`. */
export type ReadSummaries = (offset: number, limit: number) => Promise<PlaybookSummary[]>;

/** Community summaries read at once while looking for matches to a filter. */
export const SCAN_CHUNK = 500;

/**
 * The page of the library (the built-in collection, then community playbooks newest first)
 * that matches `filters`: `limit` matches after skipping `offset` of them. Community summaries
 * are read a chunk at a time and only as far as the page needs; with no filter the reading
 * starts at the page itself, so a late page costs no more than the first.
 */
export async function libraryPage(
	builtIn: readonly PlaybookSummary[],
	readCommunity: ReadSummaries,
	filters: LibraryFilters,
	{ offset, limit }: { offset: number; limit: number }
): Promise<LibraryPage> {
	// One more than the page, to know whether another follows.
	const wanted = limit + 1;
	const page: PlaybookSummary[] = [];
	let seen = 0;
	const consider = (summary: PlaybookSummary) => {
		if (!matchesFilters(summary, filters)) return;
		if (seen >= offset && page.length < wanted) page.push(summary);
		seen += 1;
	};
	builtIn.forEach(consider);
	let communityOffset = 0;
	if (!hasFilters(filters)) {
		communityOffset = Math.max(0, offset - seen);
		seen += communityOffset;
	}
	while (page.length < wanted) {
		const chunk = hasFilters(filters) ? SCAN_CHUNK : wanted - page.length;
		const read = await readCommunity(communityOffset, chunk);
		if (read.length === 0) break;
		read.forEach(consider);
		communityOffset += chunk;
	}
	return { playbooks: page.slice(0, limit), hasMore: page.length > limit };
}

/** Playbooks on one page of the home page's library. */
export const HOME_PAGE_SIZE = 24;
/** Pages past this are not offered: nobody pages that far, and a filter would scan to it. */
const MAX_PAGE = 10_000;

/** The page number in a library URL (`?page=2`); anything else is the first page. */
export function readPageNumber(params: URLSearchParams): number {
	const raw = params.get('page');
	const page = raw !== null && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
	return page >= 1 && page <= MAX_PAGE ? page : 1;
}

/** The query string of a page of the library, keeping its filters; the first page has none. */
export function pageQuery(filters: LibraryFilters, page: number): string {
	const params = writeFilters(filters);
	if (page > 1) params.set('page', String(page));
	const query = params.toString();
	return query ? `?${query}` : '';
}
