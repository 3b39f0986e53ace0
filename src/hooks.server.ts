import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getTextDirection } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { notFound } from '$lib/not-found';
import { providedReportPageFailure } from '$lib/server/handover';
import { missingAt } from '$lib/server/unmatched-address';
import { useZodLocalePerRequest } from '$lib/server/zod-locale';

useZodLocalePerRequest();

/**
 * Loads the room page's code before the server takes requests (it is ready after this), so the
 * first person to open a room after a start does not wait for it: SvelteKit imports a page's
 * modules on its first render, about 90 ms of work for the room page
 * (docs/performance.md, "Room page: where the time to first sync goes").
 */
export const init: ServerInit = async () => {
	await import('./routes/r/[roomId]/+page.svelte');
};

/**
 * Every unexpected failure of a page: one JSON line through the server's logger and a count in
 * `practice_room_errors_total{kind="page"}` (docs/operations.md), and friendly words for the
 * error page, in the person's language (handle has set it). A request SvelteKit refuses itself (an address that matches no page, a method a
 * page does not take) is the client's, not a failure; an address that matches no page says
 * what is missing there (`missingAt`), as the pages' own 404s do.
 */
export const handleError: HandleServerError = async ({ error, event, status }) => {
	if (status === 404) return notFound(await missingAt(event.url.pathname));
	if (status < 500) return { message: m.pages_error_cannot_answer() };
	const failure = { error, method: event.request.method, path: event.url.pathname, status };
	const report = providedReportPageFailure();
	if (report) report(failure);
	// Before the realtime server has started there is no logger to hand the line to.
	else console.error(JSON.stringify({ level: 50, area: 'pages', msg: 'page failed', status }));
	// What a failed page says: nothing of the error itself, which may name internals.
	return { message: m.pages_error_page_failed() };
};

/**
 * Each request in its person's language: the cookie the language switcher sets, else the
 * browser's Accept-Language, else English (docs/languages.md). The page's `<html>` names it.
 */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, async ({ request, locale }) => {
		event.request = request;
		const response = await resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
		});
		// One address, a page in each person's language: a cache must tell them apart by what
		// chose the language.
		response.headers.append('vary', 'Accept-Language, Cookie');
		return response;
	});
