import { randomBytes } from 'node:crypto';
import type { LibraryFilters } from '../../src/lib/playbooks/filters';
import { builtInPlaybooks, findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { libraryPage, type LibraryPage } from '../../src/lib/playbooks/library-page';
import { playbookSchema, summarizePlaybook, type Playbook } from '../../src/lib/protocol/playbook';
import { parseWithProblems, type Parsed } from '../../src/lib/protocol/problems';
import { hashSecret, newSecret, sameSecret } from '../rooms/room-secrets';
import type { DatedSummary, PlaybookStore } from './playbook-store';

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

/** The built-in collection plus the community playbooks saved on this server. */
export class PlaybookCatalog {
	constructor(
		private readonly store: PlaybookStore,
		/** The most community playbooks stored at once (COMMUNITY_PLAYBOOKS_MAX). */
		private readonly maxStored: number
	) {}

	async find(id: string): Promise<Playbook | undefined> {
		return findBuiltInPlaybook(id) ?? (await this.store.get(id));
	}

	/** A page of the library matching `filters` (src/lib/playbooks/library-page.ts). */
	page(filters: LibraryFilters, paging: { offset: number; limit: number }): Promise<LibraryPage> {
		return libraryPage(
			builtInSummaries,
			(offset, limit) => this.store.summaries(offset, limit),
			filters,
			paging
		);
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
			await new Promise((resolve) => setImmediate(resolve));
		}
		return read;
	}

	/** How many playbooks the library lists, built-in and community. */
	async count(): Promise<number> {
		return builtInSummaries.length + (await this.store.count());
	}

	/**
	 * Every listed playbook's summary with when it joined the library, newest first: community
	 * playbooks by their saving time, then the built-in ones (0: they came with the server).
	 */
	async dated(): Promise<DatedSummary[]> {
		return [
			...(await this.store.listDated()),
			...builtInSummaries.map((summary) => ({ summary, createdAt: 0 }))
		];
	}

	/**
	 * Validates and saves a community playbook under a new id made from its title (any id in
	 * the input is replaced), with a new delete token of which only the hash is kept. Answers
	 * every problem at once when it is not valid. `admit` runs once the playbook is valid and
	 * before it is stored; it throws to refuse (the per-address quota).
	 */
	async create(input: unknown, now: number, admit: () => void = () => {}): Promise<Created> {
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
		const parsed = parseWithProblems(playbookSchema, withId);
		if (!parsed.ok) return parsed;
		admit();
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
