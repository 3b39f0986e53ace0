import { randomBytes } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { hasFilters, type LibraryFilters } from '../../src/lib/playbooks/filters';
import { builtInPlaybooks, findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { libraryPage, type LibraryPage } from '../../src/lib/playbooks/library-page';
import {
	newPlaybookSchema,
	summarizePlaybook,
	type Playbook
} from '../../src/lib/protocol/playbook';
import { parseWithProblems, type Parsed } from '../../src/lib/protocol/problems';
import { hashSecret, newSecret, sameSecret } from '../rooms/room-secrets';
import type { DatedSummary, PlaybookStore } from './playbook-store';
import { ScanSlots } from './scan-slots';

/** A URL-safe id from a title: "Feedback for Leads!" → "feedback-for-leads-k3x9q2". */
export function communityPlaybookId(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 50)
		.replace(/-+$/, '');
	const suffix = randomBytes(6)
		.toString('base64url')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '0');
	return `${slug || 'playbook'}-${suffix}`;
}

/** The outcome of saving: invalid (every problem), the store full, or saved with its token. */
export type Created =
	| Extract<Parsed<Playbook>, { ok: false }>
	| { ok: true; outcome: 'full' }
	| { ok: true; outcome: 'saved'; playbook: Playbook; deleteToken: string };

const builtInSummaries = builtInPlaybooks.map((playbook) => summarizePlaybook(playbook, false));

/**
 * Filtered pages of the library reading summaries at once, per process. Each reads up to every
 * stored summary; 32 at once held /healthz for 6–9 s (tests/integration/library-search-load.test.ts).
 */
const SEARCHES_AT_ONCE = 2;
/** Filtered pages waiting for a slot at most; past it they are refused (ScanSlotsFull). */
const SEARCHES_WAITING = 32;

/** The built-in collection plus the community playbooks saved on this server. */
export class PlaybookCatalog {
	constructor(
		private readonly store: PlaybookStore,
		/** The most community playbooks stored at once (COMMUNITY_PLAYBOOKS_MAX). */
		private readonly maxStored: number
	) {}

	readonly #searches = new ScanSlots(SEARCHES_AT_ONCE, SEARCHES_WAITING);

	async find(id: string): Promise<Playbook | undefined> {
		return findBuiltInPlaybook(id) ?? (await this.store.get(id));
	}

	/**
	 * A page of the library matching `filters` (src/lib/playbooks/library-page.ts). A filtered
	 * page may read every summary, so it waits for one of a few slots and lets other work run
	 * between its chunks: SQLite reads synchronously, and without the turn a whole scan held the
	 * process.
	 */
	page(filters: LibraryFilters, paging: { offset: number; limit: number }): Promise<LibraryPage> {
		if (!hasFilters(filters)) {
			const read = (offset: number, limit: number) => this.store.summaries(offset, limit);
			return libraryPage(builtInSummaries, read, filters, paging);
		}
		const scan = async (offset: number, limit: number) => {
			await nextTurn();
			return this.store.summaries(offset, limit);
		};
		return this.#searches.run(() => libraryPage(builtInSummaries, scan, filters, paging));
	}

	/**
	 * Reads every listed summary once, `chunk` at a time, yielding to other work between chunks,
	 * until done or `signal` aborts; answers how many it read. Playbooks stored before summaries
	 * gain theirs on the way (PlaybookStore), so the first search after an upgrade does not
	 * write them all at once (with 10,000 playbooks of 66 KB that took 36 s in one request).
	 */
	async readAllSummaries(signal: AbortSignal, chunk = 50): Promise<number> {
		let read = 0;
		while (!signal.aborted) {
			const summaries = await this.store.summaries(read, chunk);
			if (summaries.length === 0) break;
			read += chunk;
			await nextTurn();
		}
		return read;
	}

	/** How many playbooks the library lists, built-in and community. */
	async count(): Promise<number> {
		return builtInSummaries.length + (await this.store.count());
	}

	/**
	 * The `limit` newest community playbooks' summaries with when each joined the library,
	 * newest first (the built-in ones came with the server and are never new). Bounded, as the
	 * feed and every circle view read it.
	 */
	async newest(limit: number): Promise<DatedSummary[]> {
		return this.store.listDated(limit);
	}

	/**
	 * The listed playbooks of `ids` with when each joined the library: community ones newest
	 * first, then the built-in ones (0: they came with the server).
	 */
	async datedOf(ids: readonly string[]): Promise<DatedSummary[]> {
		const wanted = new Set(ids);
		return [
			...(await this.store.datedOf(ids)),
			...builtInSummaries
				.filter((summary) => wanted.has(summary.id))
				.map((summary) => ({ summary, createdAt: 0 }))
		];
	}

	/**
	 * Validates and saves a community playbook under a new id made from its title (any id in
	 * the input is replaced), with a new delete token of which only the hash is kept. Answers
	 * every problem at once when it is not valid. `admit` runs once the playbook is valid and
	 * before it is stored; it throws to refuse (the per-address quota).
	 */
	async create(
		input: unknown,
		now: number,
		admit: () => Promise<void> = async () => {}
	): Promise<Created> {
		const title =
			typeof input === 'object' &&
			input !== null &&
			'title' in input &&
			typeof input.title === 'string'
				? input.title
				: '';
		const withId =
			typeof input === 'object' && input !== null
				? { ...input, id: communityPlaybookId(title) }
				: input;
		const parsed = parseWithProblems(newPlaybookSchema, withId);
		if (!parsed.ok) return parsed;
		await admit();
		const deleteToken = newSecret();
		const outcome = await this.store.save(
			{ playbook: parsed.data, createdAt: now, deleteTokenHash: hashSecret(deleteToken) },
			this.maxStored
		);
		return outcome === 'full'
			? { ok: true, outcome }
			: { ok: true, outcome, playbook: parsed.data, deleteToken };
	}

	/**
	 * Deletes a community playbook for whoever holds its delete token (compared in constant
	 * time). A built-in, hidden or unknown playbook is `not-found`.
	 */
	async deleteByAuthor(
		id: string,
		deleteToken: string
	): Promise<'deleted' | 'not-found' | 'wrong-token'> {
		if (findBuiltInPlaybook(id)) return 'not-found';
		const expected = await this.store.deleteTokenHash(id);
		if (expected === undefined) {
			return (await this.store.get(id)) ? 'wrong-token' : 'not-found';
		}
		if (!sameSecret(hashSecret(deleteToken), expected)) return 'wrong-token';
		return (await this.store.delete(id)) ? 'deleted' : 'not-found';
	}
}
