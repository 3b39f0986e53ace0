import type { Handle, HandleServerError } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getTextDirection } from '$lib/paraglide/runtime';
import { providedReportPageFailure } from '$lib/server/handover';

/** What a failed page says: nothing of the error itself, which may name internals. */
export const PAGE_FAILED_WORDS =
	'Something went wrong on our side. It has been noted; please try again in a moment.';

/**
 * Every unexpected failure of a page: one JSON line through the server's logger and a count in
 * `practice_room_errors_total{kind="page"}` (docs/operations.md), and friendly words for the
 * error page. A request SvelteKit refuses itself (an address that matches no page, a method a
 * page does not take) is the client's, not a failure.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'There is nothing at this address.' };
	if (status < 500) return { message: 'This request cannot be answered.' };
	const failure = { error, method: event.request.method, path: event.url.pathname, status };
	const report = providedReportPageFailure();
	if (report) report(failure);
	// Before the realtime server has started there is no logger to hand the line to.
	else console.error(JSON.stringify({ level: 50, area: 'pages', msg: 'page failed', status }));
	return { message: PAGE_FAILED_WORDS };
};

/**
 * Each request in its person's language: the cookie the language switcher sets, else the
 * browser's Accept-Language, else English (docs/languages.md). The page's `<html>` names it.
 */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
		});
	});
