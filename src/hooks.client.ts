import type { ClientInit } from '@sveltejs/kit';
import { config } from 'zod/v4/core';
import { useZodLocale } from '$lib/i18n/zod-locale';

// zod probes `new Function` to compile fast parsers; the CSP forbids eval, and the browser
// reports even a caught probe as a violation. Parsing without it is fast enough for our messages.
// From zod's core alone: this runs on every page, and the full `z` would put all of zod on pages
// that parse nothing (the home page).
config({ jitless: true });

// zod's own problem words in the person's language, loaded after the page so it waits for nothing.
void useZodLocale();

/**
 * A room page opens its connections as the app starts, while the page's code still loads and
 * hydrates, rather than after (docs/performance.md, "Room page"): the server rendered the room's
 * id into the page (`data-room-id`), so nothing opens for a page that is not a room's.
 */
export const init: ClientInit = () => {
	const roomId = document.querySelector<HTMLElement>('[data-room-id]')?.dataset.roomId;
	if (roomId)
		void import('$lib/client/room-opening').then(({ openRoomEarly }) => openRoomEarly(roomId));
};
