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
			title: playbook.title,
			description: playbook.summary,
			author: [{ name: playbook.author }],
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
