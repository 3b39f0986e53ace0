import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { playbookFeed } from './playbook-feed';

const BASE = 'https://practice.example';
const entry = (title: string, summary = 'A short summary.', author = 'Ana') => ({
	summary: { id: 'p1', title, summary, author },
	createdAt: Date.UTC(2026, 4, 1)
});
/** What XML 1.0 allows in a document (its Char production). */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** The first entry's title and summary as an Atom reader reads `type="html"`: markup. */
function firstEntry(xml: string) {
	const parsed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(xml) as {
		feed: { entry: { title: string; summary: string; author: { name: string } }[] };
	};
	const first = parsed.feed.entry[0];
	if (!first) throw new Error('the feed has no entry');
	return first;
}

describe('[T24] playbookFeed', () => {
	test('a control character in a title, summary or author never reaches the XML', () => {
		const xml = playbookFeed([entry('Bell\u0007 ring', 'Sum\u0001mary\uFFFF', 'A\u0000na')], BASE);
		expect(XML_CHARS.test(xml)).toBe(true);
		expect(firstEntry(xml)).toMatchObject({
			title: 'Bell ring',
			summary: 'Summary',
			author: { name: 'Ana' }
		});
	});

	test('a title is text: markup in it is escaped once for the html the feed declares', () => {
		const xml = playbookFeed([entry('<b>Bold</b> & brave')], BASE);
		expect(xml).toContain('type="html"');
		expect(firstEntry(xml).title).toBe('&lt;b&gt;Bold&lt;/b&gt; &amp; brave');
	});
});
