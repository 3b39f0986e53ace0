import { randomBytes } from 'node:crypto';
import { builtInPlaybooks, findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import {
	playbookSchema,
	summarizePlaybook,
	type Playbook,
	type PlaybookSummary
} from '../../src/lib/protocol/playbook';
import { parseWithProblems, type Parsed } from '../../src/lib/protocol/problems';
import type { PlaybookStore } from './playbook-store';

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

/** The built-in collection plus the community playbooks saved on this server. */
export class PlaybookCatalog {
	constructor(private readonly store: PlaybookStore) {}

	async find(id: string): Promise<Playbook | undefined> {
		return findBuiltInPlaybook(id) ?? (await this.store.get(id));
	}

	async list(): Promise<PlaybookSummary[]> {
		const community = await this.store.list();
		return [
			...builtInPlaybooks.map((playbook) => summarizePlaybook(playbook, false)),
			...community.map((playbook) => summarizePlaybook(playbook, true))
		];
	}

	/**
	 * Every playbook with when it joined the library, newest first: community playbooks by their
	 * saving time, then the built-in ones (0: they came with the server).
	 */
	async dated(): Promise<{ playbook: Playbook; createdAt: number }[]> {
		return [
			...(await this.store.listDated()),
			...builtInPlaybooks.map((playbook) => ({ playbook, createdAt: 0 }))
		];
	}

	/**
	 * Validates and saves a community playbook under a new id made from its title (any id in
	 * the input is replaced). Answers every problem at once when it is not valid.
	 */
	async create(input: unknown, now: number): Promise<Parsed<Playbook>> {
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
		if (parsed.ok) await this.store.save(parsed.data, now);
		return parsed;
	}
}
