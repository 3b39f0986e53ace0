import { createPlaybookReplySchema } from '../protocol/community';
import { m } from '../paraglide/messages';
import { secretSchema } from '../protocol/ids';
import { apiProblemWords } from './api-problem-words';
import { readStored, removeStored, writeStored } from './identity';
import { ANY_ANSWER, requestJson } from './json-request';

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
	const answer = await requestJson('/api/playbooks', createPlaybookReplySchema, {
		method: 'POST',
		json: input
	});
	if (answer.ok) {
		writeStored(tokenKey(answer.data.id), answer.data.deleteToken);
		return { ok: true, id: answer.data.id };
	}
	if (answer.status === 0) return { ok: false, title: m.pages_new_offline(), problems: [] };
	return {
		ok: false,
		title: apiProblemWords(answer.body, m.pages_save_failed()),
		problems: answer.problem?.problems ?? []
	};
}

/** Deletes a playbook this browser saved; answers undefined, or why it could not. */
export async function deletePlaybook(playbookId: string): Promise<string | undefined> {
	const deleteToken = playbookDeleteToken(playbookId);
	if (!deleteToken) return m.pages_api_wrong_token();
	const answer = await requestJson(`/api/playbooks/${encodeURIComponent(playbookId)}`, ANY_ANSWER, {
		method: 'DELETE',
		json: { deleteToken }
	});
	// 404: gone already, which is what was asked.
	if (answer.ok || answer.status === 404) {
		removeStored(tokenKey(playbookId));
		return undefined;
	}
	if (answer.status === 0) return m.pages_offline();
	return apiProblemWords(answer.body, m.pages_delete_failed());
}
