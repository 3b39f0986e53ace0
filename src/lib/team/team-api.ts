import { m } from '$lib/paraglide/messages';
import { apiProblemWords } from '../client/api-problem-words';
import { requestJson, type AnswerSchema } from '../client/json-request';
import {
	createTeamReplySchema,
	eraseReplySchema,
	teamViewSchema,
	type CreateTeamReply,
	type EraseReply,
	type TeamView,
	type WeekCounts
} from '../protocol/team';

/** An answer of the team API: its parsed body, or words a person can read and the status. */
export type TeamAnswer<T> =
	{ ok: true; data: T } | { ok: false; status: number; message: string; problems?: string[] };

/**
 * What went wrong, by the answer's status, in the reader's language, for an answer without a
 * code this page knows (status 0: no answer at all).
 */
export function problemText(status: number): string {
	if (status === 0) return m.team_error_unreachable();
	if (status === 400) return m.team_error_invalid();
	if (status === 404) return m.team_error_not_found();
	if (status === 409) return m.team_error_conflict();
	if (status === 413) return m.team_error_too_large();
	if (status === 429) return m.team_error_too_many();
	return m.team_error_generic();
}

/** Calls the API at `path` (a POST of `body` when given) and parses its answer with `schema`. */
export async function call<T>(
	path: string,
	schema: AnswerSchema<T>,
	body?: unknown
): Promise<TeamAnswer<T>> {
	const answer = await requestJson(
		path,
		schema,
		body === undefined ? undefined : { method: 'POST', json: body }
	);
	if (answer.ok) return { ok: true, data: answer.data };
	const problems = answer.problem?.problems;
	return {
		ok: false,
		status: answer.status,
		// The server's `error` is English for API users: its code says it in the reader's words.
		message: apiProblemWords(answer.body, problemText(answer.status)),
		...(problems ? { problems } : {})
	};
}

/** Makes a new team link. */
export const createTeam = (name: string): Promise<TeamAnswer<CreateTeamReply>> =>
	call('/api/teams', createTeamReplySchema, { name });

/** What the team link shows now. */
export const fetchTeam = (teamId: string): Promise<TeamAnswer<TeamView>> =>
	call(`/api/teams/${encodeURIComponent(teamId)}`, teamViewSchema);

/** Shares this browser's weekly counts, replacing its earlier share. */
export const shareWithTeam = (
	teamId: string,
	memberKey: string,
	weeks: WeekCounts[]
): Promise<TeamAnswer<TeamView>> =>
	call(`/api/teams/${encodeURIComponent(teamId)}/share`, teamViewSchema, { memberKey, weeks });

/** Takes this browser's share back. */
export const withdrawFromTeam = (
	teamId: string,
	memberKey: string
): Promise<TeamAnswer<TeamView>> =>
	call(`/api/teams/${encodeURIComponent(teamId)}/withdraw`, teamViewSchema, { memberKey });

/** Agrees to erase the whole space (T6); it is erased once every contributor has agreed. */
export const agreeToEraseTeam = (
	teamId: string,
	memberKey: string
): Promise<TeamAnswer<EraseReply>> =>
	call(`/api/teams/${encodeURIComponent(teamId)}/erase`, eraseReplySchema, { memberKey });
