import { createPlaybookReplySchema } from '../protocol/community';
import { m } from '../paraglide/messages';
import { httpErrorSchema } from '../protocol/http';
import { secretSchema } from '../protocol/ids';
import { apiProblemWords } from './api-problem-words';
import { readStored, removeStored, writeStored } from './identity';

/**
 * A community playbook's delete token, kept in the browser that saved it like a room's host
 * key: whoever has it may delete the playbook, and the server keeps only its hash.
 */
const tokenKey = (playbookId: string) => `practice-room:playbook-delete-token:${playbookId}`;

export function playbookDeleteToken(playbookId: string): string | undefined {
	const token = secretSchema.safeParse(readStored(tokenKey(playbookId)));
	return token.success ? token.data : undefined;
}

/** What saving a playbook came to: its id, or a message and the problems to list. */
export type SaveAnswer =
	{ ok: true; id: string } | { ok: false; title: string; problems: string[] };

/** Saves a community playbook and keeps its delete token in this browser. */
export async function savePlaybook(input: unknown): Promise<SaveAnswer> {
	const response = await fetch('/api/playbooks', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(input)
	});
	const body: unknown = await response.json().catch(() => undefined);
	const created = createPlaybookReplySchema.safeParse(body);
	if (response.status === 201 && created.success) {
		writeStored(tokenKey(created.data.id), created.data.deleteToken);
		return { ok: true, id: created.data.id };
	}
	const error = httpErrorSchema.safeParse(body);
	return {
		ok: false,
		title: apiProblemWords(body, m.pages_save_failed()),
		problems: error.success ? (error.data.problems ?? []) : []
	};
}

/** Deletes a playbook this browser saved; answers undefined, or why it could not. */
export async function deletePlaybook(playbookId: string): Promise<string | undefined> {
	const deleteToken = playbookDeleteToken(playbookId);
	if (!deleteToken) return m.pages_api_wrong_token();
	const response = await fetch(`/api/playbooks/${encodeURIComponent(playbookId)}`, {
		method: 'DELETE',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ deleteToken })
	});
	if (response.status === 204 || response.status === 404) {
		removeStored(tokenKey(playbookId));
		return undefined;
	}
	return apiProblemWords(await response.json().catch(() => undefined), m.pages_delete_failed());
}
