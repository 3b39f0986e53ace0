import type { IncomingMessage } from 'node:http';
import { Feed } from 'feed';
import type { PlaybookSummary } from '../../src/lib/protocol/playbook';
import type { Route } from '../http/api';
import type { PlaybookCatalog } from './playbook-catalog';

/** Entries in the feed: the newest community playbooks. */
export const FEED_ENTRIES = 50;
/** The feed's stable path (docs/protocol.md, T24). */
export const PLAYBOOK_FEED_PATH = '/feeds/playbooks.atom';

/**
 * Characters XML 1.0 allows nowhere (C0 controls but tab and newlines, lone surrogates, U+FFFE,
 * U+FFFF). A playbook's texts may hold them, and one in the feed makes every reader refuse it.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const xmlText = (text: string) => text.replace(NOT_XML, '');

/**
 * `feed` writes titles and summaries as `type="html"`, so a reader renders them as markup: a
 * playbook's title is text, so it is escaped once, and `<b>` shows as typed, never as bold.
 */
const htmlText = (text: string) =>
	xmlText(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The library's new playbooks as an Atom feed: the community playbooks saved on this server,
 * newest first (the built-in ones come with every release and are never new). Generated with
 * `feed`, so escaping and the Atom structure are the library's, not ours.
 */
export function playbookFeed(
	dated: readonly {
		summary: Pick<PlaybookSummary, 'id' | 'title' | 'summary' | 'author'>;
		createdAt: number;
	}[],
	base: string
): string {
	const entries = dated.filter((entry) => entry.createdAt > 0).slice(0, FEED_ENTRIES);
	const feed = new Feed({
		id: `${base}${PLAYBOOK_FEED_PATH}`,
		title: 'Practice Room: new playbooks',
		description: 'Playbooks added to the Practice Room library.',
		link: `${base}/`,
		copyright: 'Playbooks by their authors',
		updated: new Date(entries[0]?.createdAt ?? 0),
		feedLinks: { atom: `${base}${PLAYBOOK_FEED_PATH}` }
	});
	for (const { summary: playbook, createdAt } of entries) {
		const link = `${base}/p/${encodeURIComponent(playbook.id)}`;
		feed.addItem({
			id: link,
			link,
			title: htmlText(playbook.title),
			description: htmlText(playbook.summary),
			author: [{ name: xmlText(playbook.author) }],
			date: new Date(createdAt)
		});
	}
	return feed.atom1();
}

/** `GET /feeds/playbooks.atom`: the feed, as `application/atom+xml`. */
export function playbookFeedRoute(deps: {
	playbooks: PlaybookCatalog;
	linkBase(req: IncomingMessage): string;
}): Route {
	return [
		'GET',
		/^\/feeds\/playbooks\.atom$/,
		async (req, res) => {
			const body = playbookFeed(await deps.playbooks.newest(FEED_ENTRIES), deps.linkBase(req));
			res.writeHead(200, {
				'content-type': 'application/atom+xml; charset=utf-8',
				'content-length': Buffer.byteLength(body)
			});
			res.end(body);
		}
	];
}
