import { describe, expect, test } from 'vitest';
import { summarizePlaybook, type PlaybookSummary } from '../protocol/playbook';
import { readFilters } from './filters';
import { builtInPlaybooks } from './library';
import { libraryPage, pageQuery, readPageNumber, SCAN_CHUNK } from './library-page';

const builtIn = builtInPlaybooks.map((playbook) => summarizePlaybook(playbook, false));
const community: PlaybookSummary[] = Array.from({ length: 2_000 }, (_, index) => ({
	...summarizePlaybook(builtInPlaybooks[0]!, true),
	id: `community-${index}`,
	title: index === 1_700 ? 'The needle' : `Community ${index}`
}));

/** A store of `community` that records every read. */
function store() {
	const reads: [offset: number, limit: number][] = [];
	const read = async (offset: number, limit: number) => {
		reads.push([offset, limit]);
		return community.slice(offset, offset + limit);
	};
	return { reads, read };
}
const filters = (query: string) => readFilters(new URLSearchParams(query));
const ids = (page: { playbooks: PlaybookSummary[] }) => page.playbooks.map((p) => p.id);

describe('library paging', () => {
	test('the first page is the built-in collection, then the newest community playbooks', async () => {
		const { read } = store();
		const page = await libraryPage(builtIn, read, filters(''), { offset: 0, limit: 12 });
		expect(ids(page)).toEqual([
			...builtIn.map((p) => p.id),
			'community-0',
			'community-1',
			'community-2'
		]);
		expect(page.hasMore).toBe(true);
	});

	test('with no filter a late page reads only its own summaries', async () => {
		const { reads, read } = store();
		const page = await libraryPage(builtIn, read, filters(''), { offset: 1_509, limit: 10 });
		expect(ids(page)).toEqual(Array.from({ length: 10 }, (_, i) => `community-${1_500 + i}`));
		expect(reads).toEqual([[1_500, 11]]);
	});

	test('the last page says nothing follows', async () => {
		const { read } = store();
		const page = await libraryPage(builtIn, read, filters(''), { offset: 2_000, limit: 50 });
		expect(page.playbooks).toHaveLength(9);
		expect(page.hasMore).toBe(false);
	});

	test('a filter reads chunks until the page is full, and pages count matches only', async () => {
		const { reads, read } = store();
		const found = await libraryPage(builtIn, read, filters('q=needle'), { offset: 0, limit: 5 });
		expect(ids(found)).toEqual(['community-1700']);
		expect(found.hasMore).toBe(false);
		expect(reads.every(([, limit]) => limit === SCAN_CHUNK)).toBe(true);

		const second = await libraryPage(builtIn, store().read, filters('q=community'), {
			offset: 5,
			limit: 3
		});
		expect(ids(second)).toEqual(['community-5', 'community-6', 'community-7']);
		expect(second.hasMore).toBe(true);
	});
});

describe('library page links', () => {
	test('a page number outside 1 to 10000, or not a number, is the first page', () => {
		const page = (query: string) => readPageNumber(new URLSearchParams(query));
		expect([page('page=3'), page(''), page('page=0'), page('page=-2'), page('page=x')]).toEqual([
			3, 1, 1, 1, 1
		]);
		expect(page('page=10001')).toBe(1);
	});

	test('a page link keeps the filters and leaves the first page bare', () => {
		expect(pageQuery(filters('skill=feedback&q=ask'), 2)).toBe('?q=ask&skill=feedback&page=2');
		expect(pageQuery(filters(''), 1)).toBe('');
	});
});
